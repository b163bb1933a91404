import { createContext, useContext } from 'react';
import type { NotificationDto } from '../../../../shared/dto/notification.js';

export interface NotificationsContextValue {
  /** False until the first page loaded; the bell stays hidden where notifications are not served. */
  available: boolean;
  unreadCount: number;
  /** Notifications that arrived live since the tab opened, newest first. */
  arrived: NotificationDto[];
  markRead(ids: string[] | 'all'): Promise<void>;
}

export const NotificationsContext = createContext<NotificationsContextValue>({
  available: false,
  unreadCount: 0,
  arrived: [],
  markRead: async () => undefined,
});

export const useNotifications = (): NotificationsContextValue => useContext(NotificationsContext);

const kindPhrases = { mention: 'mentioned you in', reply: 'replied to you in', watched: 'posted in' } as const;

/** "Blair Chen mentioned you in “Shared protocols”". */
export function describeNotification(n: NotificationDto): string {
  return `${n.actor?.displayName ?? 'A former member'} ${kindPhrases[n.kind] ?? 'posted in'} “${n.thread.title}”`;
}
