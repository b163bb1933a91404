import { Types } from 'mongoose';
import { Notification } from '../../db/models/Notification.js';
import type { Viewer } from '../../policies/index.js';
import type { MarkNotificationsReadBody } from '../../../shared/schemas/notifications.js';
import { countUnreadNotifications } from './readableNotifications.js';

/**
 * Marks the given notifications, or all, read. The member is part of the filter: someone else's id simply matches
 * nothing, so it can neither be touched nor detected.
 */
export async function markNotificationsRead({ viewer, input }: { viewer: Viewer; input: MarkNotificationsReadBody }): Promise<{ unreadCount: number }> {
  const member = new Types.ObjectId(viewer.id);
  const which = 'ids' in input ? { _id: { $in: input.ids.map((id) => new Types.ObjectId(id)) } } : {};
  await Notification.updateMany({ member, readAt: null, ...which }, { $set: { readAt: new Date() } });
  return { unreadCount: await countUnreadNotifications(viewer) };
}
