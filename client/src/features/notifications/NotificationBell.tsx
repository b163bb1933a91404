import { NavLink } from 'react-router';
import { useNotifications } from './notificationsContext.js';
import './NotificationBell.css';

/** The header's link to notifications; its name says how many are unread, the badge shows it. */
export function NotificationBell() {
  const { available, unreadCount } = useNotifications();
  if (!available) return null;
  return (
    <NavLink to="/notifications" className="notification-bell" data-testid="notification-bell">
      <svg className="notification-bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-5-1.5-1.5V11a5.5 5.5 0 0 0-4.25-5.36V5a1.25 1.25 0 0 0-2.5 0v.64A5.5 5.5 0 0 0 6.5 11v4.5L5 17v1h14v-1Z"
        />
      </svg>
      <span className="visually-hidden">Notifications</span>
      {unreadCount > 0 && (
        <span className="notification-bell__count">
          <span className="visually-hidden">, </span>
          {unreadCount > 99 ? '99+' : unreadCount}
          <span className="visually-hidden"> unread</span>
        </span>
      )}
    </NavLink>
  );
}
