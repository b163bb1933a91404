import { loadMemberAccess } from '../domain/members/loadMemberAccess.js';
import { findReadableThread } from '../domain/discussions/readable.js';
import { isAppError } from '../errors.js';
import { canModerateThread, threadFactsOf, viewerOf } from '../policies/index.js';
import { idParam } from '../../shared/schemas/admin.js';
import { isRoomOfThread, type Ack } from '../../shared/realtime.js';
import type { RealtimeSocket } from './io.js';
import { roomsOfThread } from './threadRoomNames.js';

const refuse = (ack: Ack, code: string, message: string) => ack({ ok: false, error: { code, message } });

/**
 * `thread:join` and `thread:leave`. A join is checked exactly as the REST read is (the member is reloaded,
 * so a role or task force change counts), and a thread the member may not read is answered as not found.
 */
export function handleThreadRooms(socket: RealtimeSocket): void {
  socket.on('thread:join', async (payload, ack) => {
    if (typeof ack !== 'function') return;
    const threadId = idParam.safeParse((payload as { threadId?: unknown } | null)?.threadId);
    if (!threadId.success) return refuse(ack, 'validation_failed', 'threadId must be a valid id.');
    try {
      const { member, allowed } = await loadMemberAccess(socket.data.memberId as string);
      if (!member || !allowed) return refuse(ack, 'unauthenticated', 'Sign in again.');
      const viewer = viewerOf(member);
      const thread = await findReadableThread(viewer, threadId.data);
      // Rooms are named for the thread's space as just read: if it moves before the join lands, this socket sits in
      // the old space's room, where nothing is sent any more.
      const { room, moderators } = roomsOfThread(threadId.data, thread);
      await socket.join(canModerateThread(viewer, threadFactsOf(thread)) ? [room, moderators] : [room]);
      ack({ ok: true });
    } catch (err) {
      if (isAppError(err)) return refuse(ack, err.code, err.message);
      refuse(ack, 'unavailable', 'Try again shortly.');
    }
  });
  socket.on('thread:leave', async (payload, ack) => {
    if (typeof ack !== 'function') return;
    const threadId = idParam.safeParse((payload as { threadId?: unknown } | null)?.threadId);
    if (!threadId.success) return refuse(ack, 'validation_failed', 'threadId must be a valid id.');
    for (const room of [...socket.rooms]) if (isRoomOfThread(room, threadId.data)) await socket.leave(room);
    ack({ ok: true });
  });
}
