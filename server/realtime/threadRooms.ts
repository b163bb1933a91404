import { Member } from '../db/models/Member.js';
import { findReadableThread } from '../domain/discussions/readable.js';
import { isAppError } from '../errors.js';
import { canModerateThread, threadFactsOf, viewerOf } from '../policies/index.js';
import { idParam } from '../../shared/schemas/admin.js';
import { threadModeratorsRoom, threadRoom, type Ack } from '../../shared/realtime.js';
import type { RealtimeSocket } from './io.js';

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
      const member = await Member.findById(socket.data.memberId);
      if (!member || member.status !== 'active') return refuse(ack, 'unauthenticated', 'Sign in again.');
      const viewer = viewerOf(member);
      const thread = await findReadableThread(viewer, threadId.data);
      const rooms = [threadRoom(threadId.data)];
      if (canModerateThread(viewer, threadFactsOf(thread))) rooms.push(threadModeratorsRoom(threadId.data));
      await socket.join(rooms);
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
    await socket.leave(threadRoom(threadId.data));
    await socket.leave(threadModeratorsRoom(threadId.data));
    ack({ ok: true });
  });
}
