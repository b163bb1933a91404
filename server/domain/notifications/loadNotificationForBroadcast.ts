import { Types } from 'mongoose';
import { Member } from '../../db/models/Member.js';
import { Notification, type NotificationDoc } from '../../db/models/Notification.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import { canReadSpace, spaceOf, viewerOf } from '../../policies/index.js';
import { loadAuthors, type AuthorRecord } from '../discussions/loadAuthors.js';

/**
 * A new notification with its thread and actor, for its recipient's sockets; null when the recipient can no longer
 * read the thread (it moved between the post's commit and now), so nothing about it is pushed.
 */
export async function loadNotificationForBroadcast(notificationId: string): Promise<{ notification: NotificationDoc; thread: ThreadDoc; actors: Map<string, AuthorRecord> } | null> {
  const notification = await Notification.findById(new Types.ObjectId(notificationId));
  const thread = notification ? await Thread.findById(notification.thread) : null;
  const recipient = notification ? await Member.findById(notification.member, { role: 1, taskForce: 1, status: 1 }) : null;
  if (!notification || !thread || !recipient || recipient.status !== 'active' || !canReadSpace(viewerOf(recipient), spaceOf(thread))) return null;
  return { notification, thread, actors: await loadAuthors(...(notification.actor ? [{ author: notification.actor }] : [])) };
}
