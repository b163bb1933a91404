import type { AuthorDto } from './discussion.js';

export const notificationKinds = ['mention', 'reply', 'watched'] as const;
/** Why the member was notified; when several apply to one post, mention beats reply beats watched. */
export type NotificationKind = (typeof notificationKinds)[number];

/** One notification, as `GET /api/notifications` and the `notification:new` event present it to its recipient. */
export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  createdAt: string;
  read: boolean;
  /** Who wrote the post; null when that member no longer exists. */
  actor: AuthorDto | null;
  thread: { id: string; title: string };
  postId: string;
}

export interface NotificationPage {
  items: NotificationDto[];
  nextCursor: string | null;
  /** Unread notifications about threads the member can still read. */
  unreadCount: number;
}

export interface NotificationsReadResponse {
  unreadCount: number;
}
