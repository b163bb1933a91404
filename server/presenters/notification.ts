import type { NotificationDoc } from '../db/models/Notification.js';
import type { ThreadDoc } from '../db/models/Thread.js';
import type { NotificationDto, NotificationKind } from '../../shared/dto/notification.js';
import { presentAuthor, type AuthorsById } from './author.js';

/** A notification for its recipient; the caller passes only a thread the recipient may read. */
export function presentNotification(notification: NotificationDoc, thread: ThreadDoc, actors: AuthorsById): NotificationDto {
  return {
    id: notification.id as string,
    kind: notification.kind as NotificationKind,
    createdAt: notification.createdAt.toISOString(),
    read: notification.readAt !== null && notification.readAt !== undefined,
    actor: notification.actor ? presentAuthor(actors, notification.actor) : null,
    thread: { id: thread.id as string, title: thread.title },
    postId: notification.post.toString(),
  };
}
