import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { NotificationDto } from '../../../../shared/dto/notification.js';
import { describeError } from '../../api/discussions.js';
import { fetchNotifications } from '../../api/notifications.js';
import { PageHeading } from '../../components/PageHeading.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useAnnounce } from '../../lib/announcer.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { describeNotification, useNotifications } from './notificationsContext.js';
import './NotificationsPage.css';

interface PageState {
  items: NotificationDto[];
  nextCursor: string | null;
  status: 'loading' | 'ready' | 'failed';
  message?: string;
}

/** `/notifications`: mentions, replies and watched-thread posts, newest first; live arrivals join the top. */
export function NotificationsPage() {
  useDocumentTitle('Notifications');
  const announce = useAnnounce();
  const { arrived, unreadCount, markRead } = useNotifications();
  const [page, setPage] = useState<PageState>({ items: [], nextCursor: null, status: 'loading' });
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    fetchNotifications(cursor, controller.signal).then(
      (next) => setPage((current) => ({ items: cursor ? [...current.items, ...next.items] : next.items, nextCursor: next.nextCursor, status: 'ready' })),
      (failure: unknown) => !controller.signal.aborted && setPage((current) => ({ ...current, status: 'failed', message: describeError(failure) })),
    );
    return () => controller.abort();
  }, [cursor]);

  // Live arrivals first, then the loaded pages; a live copy wins because it knows about reads made in this tab.
  const arrivedIds = new Set(arrived.map((n) => n.id));
  const readHere = new Set(arrived.filter((n) => n.read).map((n) => n.id));
  const items = [...arrived, ...page.items.filter((n) => !arrivedIds.has(n.id))].map((n) => (readHere.has(n.id) ? { ...n, read: true } : n));

  async function markAll() {
    setError('');
    try {
      await markRead('all');
      setPage((current) => ({ ...current, items: current.items.map((n) => ({ ...n, read: true })) }));
      announce('All notifications marked as read');
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  function open(notification: NotificationDto) {
    if (!notification.read) void markRead([notification.id]).catch(() => undefined);
  }

  return (
    <div className="notifications">
      <PageHeading>Notifications</PageHeading>
      <p className="lead">
        {unreadCount === 0 ? 'You are all caught up.' : `${unreadCount} unread notification${unreadCount === 1 ? '' : 's'}.`}
      </p>
      {unreadCount > 0 && (
        <button type="button" className="button button--secondary" onClick={() => void markAll()}>
          Mark all as read
        </button>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {page.status === 'loading' && items.length === 0 && <p className="loading">Loading notifications…</p>}
      {page.status === 'failed' && <p className="form-error">{page.message}</p>}
      {page.status === 'ready' && items.length === 0 && <p>No notifications yet. Mentions and replies to you will show here.</p>}
      {items.length > 0 && (
        <ul className="notification-list">
          {items.map((n) => (
            <li key={n.id} className={n.read ? 'notification-list__item' : 'notification-list__item notification-list__item--unread'}>
              {!n.read && <span className="notification-list__unread">Unread</span>}
              <Link to={`/discussions/t/${n.thread.id}#post-${n.postId}`} onClick={() => open(n)}>
                {describeNotification(n)}
              </Link>
              <RelativeTime iso={n.createdAt} className="notification-list__time" />
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor && (
        <button type="button" className="button button--secondary" onClick={() => setCursor(page.nextCursor)}>
          Load more notifications
        </button>
      )}
    </div>
  );
}
