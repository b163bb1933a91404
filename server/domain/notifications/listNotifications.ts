import { Types } from 'mongoose';
import { Notification, type NotificationDoc } from '../../db/models/Notification.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import type { Viewer } from '../../policies/index.js';
import type { ListNotificationsQuery } from '../../../shared/schemas/notifications.js';
import { loadAuthors, type AuthorRecord } from '../discussions/loadAuthors.js';
import { readableSpaceFilter } from '../discussions/readable.js';
import { countUnreadNotifications } from './readableNotifications.js';

export interface NotificationPageData {
  notifications: NotificationDoc[];
  /** The notifications' threads the member can read; a notification whose thread is missing here is not shown. */
  threads: Map<string, ThreadDoc>;
  actors: Map<string, AuthorRecord>;
  nextCursor: string | null;
  unreadCount: number;
}

/**
 * One page of the member's notifications, newest first. Only their own (the member is in the filter), and only about
 * threads they can read now: the page's threads are loaded with the read rule in the query and notifications about
 * the others are dropped, so a page can hold fewer than `limit` items while `nextCursor` still leads on.
 */
export async function listNotifications({ viewer, query }: { viewer: Viewer; query: ListNotificationsQuery }): Promise<NotificationPageData> {
  const filter = {
    member: new Types.ObjectId(viewer.id),
    ...(query.unread === 'true' ? { readAt: null } : {}),
    ...(query.cursor ? { _id: { $lt: new Types.ObjectId(query.cursor) } } : {}),
  };
  // One extra tells whether another page exists without a count.
  const found = await Notification.find(filter).sort({ _id: -1 }).limit(query.limit + 1);
  const page = found.slice(0, query.limit);
  const threadIds = [...new Set(page.map((n) => n.thread.toString()))].map((id) => new Types.ObjectId(id));
  const threads = threadIds.length ? await Thread.find({ _id: { $in: threadIds }, ...readableSpaceFilter(viewer) }) : [];
  const threadsById = new Map(threads.map((t) => [t.id as string, t]));
  const shown = page.filter((n) => threadsById.has(n.thread.toString()));
  const actors = await loadAuthors(...shown.filter((n) => n.actor).map((n) => ({ author: n.actor! })));
  return {
    notifications: shown,
    threads: threadsById,
    actors,
    nextCursor: found.length > query.limit ? (page[page.length - 1].id as string) : null,
    unreadCount: await countUnreadNotifications(viewer),
  };
}
