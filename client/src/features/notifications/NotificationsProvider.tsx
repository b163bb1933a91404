import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import type { ReactNode } from 'react';
import type { NotificationDto } from '../../../../shared/dto/notification.js';
import { fetchNotifications, markNotificationsRead } from '../../api/notifications.js';
import { useAnnounce } from '../../lib/announcer.js';
import { useRealtime } from '../../realtime/realtimeContext.js';
import { describeNotification, NotificationsContext } from './notificationsContext.js';
import type { NotificationsContextValue } from './notificationsContext.js';

/**
 * The member's unread notification count, kept current by `notification:new` on the member's room. The socket is
 * opened only once the notifications API answered, so a server without it costs no connection.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const realtime = useRealtime();
  const announce = useAnnounce();
  const [available, setAvailable] = useState(false);
  const [unreadCount, setUnreadCount] = useState(0);
  const [arrived, setArrived] = useState<NotificationDto[]>([]);
  const { pathname } = useLocation();
  // The open thread announces its own new replies; a second message about the same post would cut the first off.
  const announceUnlessOpen = useEffectEvent((notification: NotificationDto) => {
    if (pathname !== `/discussions/t/${notification.thread.id}`) announce(`New notification: ${describeNotification(notification)}`);
  });

  useEffect(() => {
    const controller = new AbortController();
    fetchNotifications(null, controller.signal).then(
      (page) => {
        setUnreadCount(page.unreadCount);
        setAvailable(true);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (!available) return;
    const socket = realtime.socket();
    const onNew = (notification: NotificationDto) => {
      setArrived((current) => [notification, ...current.filter((n) => n.id !== notification.id)]);
      if (!notification.read) setUnreadCount((count) => count + 1);
      announceUnlessOpen(notification);
    };
    socket.on('notification:new', onNew);
    return () => {
      socket.off('notification:new', onNew);
    };
  }, [available, realtime]);

  const markRead = useCallback(async (ids: string[] | 'all') => {
    const { unreadCount: left } = await markNotificationsRead(ids === 'all' ? { all: true } : { ids });
    setUnreadCount(left);
    setArrived((current) => current.map((n) => (ids === 'all' || ids.includes(n.id) ? { ...n, read: true } : n)));
  }, []);

  const value = useMemo<NotificationsContextValue>(() => ({ available, unreadCount, arrived, markRead }), [available, unreadCount, arrived, markRead]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}
