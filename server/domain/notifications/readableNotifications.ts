import { Types } from 'mongoose';
import { Notification } from '../../db/models/Notification.js';
import { Thread } from '../../db/models/Thread.js';
import type { Viewer } from '../../policies/index.js';
import { readableSpaceFilter } from '../discussions/readable.js';

/**
 * Unread notifications about threads the member can still read. A thread may have moved into a space they cannot
 * read since: its notifications stay stored but count for nothing, so the number reveals nothing about it.
 * Three small queries: the threads with unread notifications, which of them are readable, and the count.
 */
export async function countUnreadNotifications(viewer: Viewer): Promise<number> {
  const member = new Types.ObjectId(viewer.id);
  const threadIds = await Notification.distinct('thread', { member, readAt: null });
  if (!threadIds.length) return 0;
  const readable = await Thread.find({ _id: { $in: threadIds }, ...readableSpaceFilter(viewer) }, { _id: 1 }).lean();
  if (!readable.length) return 0;
  return Notification.countDocuments({ member, readAt: null, thread: { $in: readable.map((t) => t._id) } });
}
