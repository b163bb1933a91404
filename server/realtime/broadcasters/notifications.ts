import type { Logger } from 'pino';
import { loadNotificationForBroadcast } from '../../domain/notifications/loadNotificationForBroadcast.js';
import { events } from '../../events/bus.js';
import { presentNotification } from '../../presenters/notification.js';
import { memberRoom } from '../../../shared/realtime.js';
import type { RealtimeServer } from '../io.js';

/** Relays each stored notification to its recipient's sockets (every tab, every instance) as `notification:new`. */
export function notificationBroadcasts(io: RealtimeServer, logger: Logger): () => void {
  return events.subscribe('notification.created', async ({ notificationId, memberId }) => {
    const loaded = await loadNotificationForBroadcast(notificationId);
    if (!loaded) return;
    io.to(memberRoom(memberId)).emit('notification:new', presentNotification(loaded.notification, loaded.thread, loaded.actors));
    logger.debug({ memberId }, 'notification broadcast');
  });
}
