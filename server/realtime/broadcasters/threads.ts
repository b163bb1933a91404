import type { Logger } from 'pino';
import { Member } from '../../db/models/Member.js';
import type { ThreadDoc } from '../../db/models/Thread.js';
import { loadThreadForBroadcast } from '../../domain/discussions/loadThreadForBroadcast.js';
import { events, type DomainEvents } from '../../events/bus.js';
import { canModerateThread, canReadSpace, threadFactsOf, viewerOf, type Viewer } from '../../policies/index.js';
import { presentThread } from '../../presenters/thread.js';
import type { RealtimeServer } from '../io.js';
import { roomsOfThread } from '../threadRoomNames.js';

type FromSpace = NonNullable<DomainEvents['thread.updated']['fromSpace']>;

/**
 * After a move the thread's room has a new name (see `threadRoom`), so nothing reaches the old room's sockets by
 * default: this moves the ones whose members may still read the thread into the new rooms, checked against the
 * members as they are now, on every instance through the adapter. A socket this misses (say it reconnects during the
 * move) only misses events until it joins again; it never receives what it may not read.
 */
async function carryReadersAcross(io: RealtimeServer, thread: ThreadDoc, from: FromSpace): Promise<number> {
  const threadId = thread.id as string;
  const before = roomsOfThread(threadId, { visibility: from.visibility, taskForce: from.taskForceId });
  const after = roomsOfThread(threadId, thread);
  const sockets = await io.in(before.room).fetchSockets();
  const memberIds = [...new Set(sockets.map((s) => s.data.memberId as string))];
  const members = memberIds.length ? await Member.find({ _id: { $in: memberIds } }, { role: 1, taskForce: 1, status: 1 }) : [];
  const viewers = new Map(members.filter((m) => m.status === 'active').map((m) => [m.id as string, viewerOf(m)]));
  const facts = threadFactsOf(thread);
  let removed = 0;
  for (const socket of sockets) {
    const viewer = viewers.get(socket.data.memberId as string);
    const stays = viewer !== undefined && canReadSpace(viewer, facts.space);
    // Between two open categories the names are the same: only the moderators' room may change.
    if (before.room !== after.room || !stays) socket.leave(before.room);
    socket.leave(before.moderators);
    if (!stays) {
      removed += 1;
      continue;
    }
    socket.join(canModerateThread(viewer, facts) ? [after.room, after.moderators] : [after.room]);
  }
  return removed;
}

/**
 * `thread:updated` to the thread's room: one presentation for plain readers and one for moderators, as for posts.
 * Not per member, so `unreadCount` is 0 and `watching` false (the client keeps its own values of those).
 */
export function threadBroadcasts(io: RealtimeServer, logger: Logger): () => void {
  return events.subscribe('thread.updated', async ({ threadId, fromSpace }) => {
    const loaded = await loadThreadForBroadcast(threadId);
    if (!loaded) return;
    const { thread, authors } = loaded;
    const removed = fromSpace ? await carryReadersAcross(io, thread, fromSpace) : 0;
    const reader: Viewer = { id: '', role: 'member', taskForceId: thread.taskForce ? thread.taskForce.toString() : '' };
    const moderator: Viewer = { id: '', role: 'moderator', taskForceId: '' };
    const { room, moderators } = roomsOfThread(threadId, thread);
    io.to(room).except(moderators).emit('thread:updated', presentThread(thread, reader, authors));
    io.to(moderators).emit('thread:updated', presentThread(thread, moderator, authors));
    logger.debug({ threadId, removed }, 'thread broadcast');
  });
}
