import type { Logger } from 'pino';
import { loadPostForBroadcast } from '../../domain/discussions/loadPostForBroadcast.js';
import { events, type DomainEvents } from '../../events/bus.js';
import type { Viewer } from '../../policies/index.js';
import { presentPost } from '../../presenters/post.js';
import type { ServerToClientEvents } from '../../../shared/realtime.js';
import type { RealtimeServer } from '../io.js';
import { roomsOfThread } from '../threadRoomNames.js';

type PostEvent = 'post.created' | 'post.updated' | 'post.deleted' | 'post.reacted';
const socketEvent: Record<PostEvent, keyof ServerToClientEvents & `post:${string}`> = {
  'post.created': 'post:created',
  'post.updated': 'post:updated',
  'post.reacted': 'post:updated',
  'post.deleted': 'post:deleted',
};

/**
 * Presents each changed post twice, once for a plain reader of its thread and once for a moderator, and emits
 * each to its part of the thread's room: one presentation per audience, not one per socket.
 */
export function postBroadcasts(io: RealtimeServer, logger: Logger): () => void {
  const relay = (name: PostEvent) => async (event: DomainEvents[PostEvent]) => {
    const loaded = await loadPostForBroadcast(event.postId, 'committed' in event ? event.committed : undefined);
    if (!loaded) return;
    const { post, thread, authors } = loaded;
    const reader: Viewer = { id: '', role: 'member', taskForceId: thread.taskForce ? thread.taskForce.toString() : '' };
    const moderator: Viewer = { id: '', role: 'moderator', taskForceId: '' };
    const { room, moderators } = roomsOfThread(thread.id as string, thread);
    io.to(room).except(moderators).emit(socketEvent[name], presentPost(post, thread, reader, authors));
    io.to(moderators).emit(socketEvent[name], presentPost(post, thread, moderator, authors));
    logger.debug({ event: name, threadId: thread.id }, 'post broadcast');
  };
  const stops = (Object.keys(socketEvent) as PostEvent[]).map((name) => events.subscribe(name, relay(name)));
  return () => stops.forEach((stop) => stop());
}
