import type { ClientSession } from 'mongoose';
import { Notification } from '../../db/models/Notification.js';
import { events } from '../../events/bus.js';
import type { PlannedNotification } from './planPostNotifications.js';

/** Stores planned notifications inside the caller's transaction, so a committed post never loses them. */
export async function saveNotifications(planned: PlannedNotification[], session: ClientSession): Promise<void> {
  if (planned.length) await Notification.insertMany(planned, { session });
}

/** After commit: one event per notification, which the real-time layer relays to the recipient's sockets. */
export function publishNotifications(planned: PlannedNotification[]): void {
  for (const n of planned) events.publish('notification.created', { notificationId: n._id.toString(), memberId: n.member.toString() });
}
