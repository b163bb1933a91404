import type { ClientSession } from 'mongoose';
import { Notification } from '../../db/models/Notification.js';
import { events } from '../../events/bus.js';
import type { PlannedNotification } from './planPostNotifications.js';

/**
 * Stores planned notifications inside the caller's transaction, so a committed post never loses them. One per member
 * per post: an upsert that finds one already there (two edits adding the same mention at once) adds nothing, rather
 * than failing the edit on the unique index. Returns the ones actually stored.
 */
export async function saveNotifications(planned: PlannedNotification[], session: ClientSession): Promise<PlannedNotification[]> {
  if (!planned.length) return [];
  const result = await Notification.bulkWrite(
    planned.map((n) => ({ updateOne: { filter: { post: n.post, member: n.member }, update: { $setOnInsert: n }, upsert: true } })),
    { session, ordered: true },
  );
  const stored = new Set(Object.keys(result.upsertedIds).map(Number));
  return planned.filter((_, index) => stored.has(index));
}

/** After commit: one event per notification, which the real-time layer relays to the recipient's sockets. */
export function publishNotifications(planned: PlannedNotification[]): void {
  for (const n of planned) events.publish('notification.created', { notificationId: n._id.toString(), memberId: n.member.toString() });
}
