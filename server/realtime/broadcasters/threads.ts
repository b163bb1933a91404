import type { Logger } from 'pino';
import { Member } from '../../db/models/Member.js';
import type { ThreadDoc } from '../../db/models/Thread.js';
import { loadThreadForBroadcast } from '../../domain/discussions/loadThreadForBroadcast.js';
import { events } from '../../events/bus.js';
import { canModerateThread, canReadSpace, threadFactsOf, viewerOf, type Viewer } from '../../policies/index.js';
import { presentThread } from '../../presenters/thread.js';
import { threadModeratorsRoom, threadRoom } from '../../../shared/realtime.js';
import type { RealtimeServer } from '../io.js';

/**
 * After a move, the room's sockets are checked again with the read rule, against their members as they are now:
 * those who may no longer read the thread leave its rooms (on every instance, through the adapter), and the
 * moderators' room is brought in line with who may moderate the thread in its new space.
 */
async function refreshRoomAfterMove(io: RealtimeServer, thread: ThreadDoc): Promise<number> {
  const room = threadRoom(thread.id as string);
  const moderators = threadModeratorsRoom(thread.id as string);
  const sockets = await io.in(room).fetchSockets();
  const memberIds = [...new Set(sockets.map((s) => s.data.memberId as string))];
  const members = memberIds.length ? await Member.find({ _id: { $in: memberIds } }, { role: 1, taskForce: 1, status: 1 }) : [];
  const viewers = new Map(members.filter((m) => m.status === 'active').map((m) => [m.id as string, viewerOf(m)]));
  const facts = threadFactsOf(thread);
  let removed = 0;
  for (const socket of sockets) {
    const viewer = viewers.get(socket.data.memberId as string);
    if (!viewer || !canReadSpace(viewer, facts.space)) {
      await socket.leave(room);
      await socket.leave(moderators);
      removed += 1;
    } else if (canModerateThread(viewer, facts)) await socket.join(moderators);
    else await socket.leave(moderators);
  }
  return removed;
}

/**
 * `thread:updated` to the thread's room: one presentation for plain readers and one for moderators, as for posts.
 * Not per member, so `unreadCount` is 0 and `watching` false (the client keeps its own values of those).
 */
export function threadBroadcasts(io: RealtimeServer, logger: Logger): () => void {
  return events.subscribe('thread.updated', async ({ threadId, fromCategoryId }) => {
    const loaded = await loadThreadForBroadcast(threadId);
    if (!loaded) return;
    const { thread, authors } = loaded;
    // Eviction first: nothing about the thread in its new space may reach a socket that cannot read it.
    const removed = fromCategoryId ? await refreshRoomAfterMove(io, thread) : 0;
    const reader: Viewer = { id: '', role: 'member', taskForceId: thread.taskForce ? thread.taskForce.toString() : '' };
    const moderator: Viewer = { id: '', role: 'moderator', taskForceId: '' };
    const room = threadRoom(threadId);
    const moderators = threadModeratorsRoom(threadId);
    io.to(room).except(moderators).emit('thread:updated', presentThread(thread, reader, authors));
    io.to(moderators).emit('thread:updated', presentThread(thread, moderator, authors));
    logger.debug({ threadId, removed }, 'thread broadcast');
  });
}
