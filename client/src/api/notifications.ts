import type { NotificationPage, NotificationsReadResponse } from '../../../shared/dto/notification.js';
import type { MarkNotificationsReadBody } from '../../../shared/schemas/notifications.js';
import { requestJson } from './http.js';

export function fetchNotifications(cursor: string | null, signal?: AbortSignal): Promise<NotificationPage> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return requestJson<NotificationPage>(`/api/notifications${query}`, { signal });
}

export function markNotificationsRead(input: MarkNotificationsReadBody): Promise<NotificationsReadResponse> {
  return requestJson<NotificationsReadResponse>('/api/notifications/read', { method: 'POST', body: input });
}
