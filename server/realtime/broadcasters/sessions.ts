import { events } from '../../events/bus.js';
import { memberRoom, sessionRoom } from '../../../shared/realtime.js';
import type { RealtimeServer } from '../io.js';

/**
 * Ends live sockets the moment their session ends: every socket of a suspended member, or the sockets
 * of one signed-out session. Works across instances through the adapter.
 */
export function sessionBroadcasts(io: RealtimeServer): () => void {
  const offRevoked = events.subscribe('member.accessRevoked', ({ memberId, reason }) => {
    const room = io.in(memberRoom(memberId));
    room.emit('session:ended', { reason: reason === 'signed_out' ? 'signed_out' : reason });
    room.disconnectSockets(true);
  });
  const offEnded = events.subscribe('session.ended', ({ sessionId }) => {
    const room = io.in(sessionRoom(sessionId));
    room.emit('session:ended', { reason: 'signed_out' });
    room.disconnectSockets(true);
  });
  return () => {
    offRevoked();
    offEnded();
  };
}
