import { useEffect, useEffectEvent, useState } from 'react';
import type { PostDto, ThreadDto } from '../../../shared/dto/discussion.js';
import { useRealtime } from './realtimeContext.js';

export type RoomStatus = 'connecting' | 'live' | 'offline' | 'refused';

export interface ThreadRoomHandlers {
  onPostCreated(post: PostDto): void;
  onPostUpdated(post: PostDto): void;
  onPostDeleted(post: PostDto): void;
  /** Retitled, pinned, locked or moved. */
  onThreadUpdated(thread: ThreadDto): void;
  /** A reconnection the server could not recover: events may have been missed, so reload the thread. */
  onResync(): void;
}

/**
 * Joins `thread:<id>` while the component is mounted, joins again after every reconnection, and hands the
 * thread's events to the handlers. Returns whether live updates are flowing.
 */
export function useThreadRoom(threadId: string | undefined, handlers: ThreadRoomHandlers): RoomStatus {
  const realtime = useRealtime();
  const [status, setStatus] = useState<RoomStatus>('connecting');
  const created = useEffectEvent((post: PostDto) => post.threadId === threadId && handlers.onPostCreated(post));
  const updated = useEffectEvent((post: PostDto) => post.threadId === threadId && handlers.onPostUpdated(post));
  const deleted = useEffectEvent((post: PostDto) => post.threadId === threadId && handlers.onPostDeleted(post));
  const threadUpdated = useEffectEvent((thread: ThreadDto) => thread.id === threadId && handlers.onThreadUpdated(thread));
  const resync = useEffectEvent(() => handlers.onResync());

  useEffect(() => {
    if (!threadId) return;
    const socket = realtime.socket();
    let joinedBefore = false;
    let active = true;

    function join() {
      // A recovered connection got the missed packets and kept its rooms; any other reconnection may have lost both.
      const missedEvents = joinedBefore && !socket.recovered;
      socket.emit('thread:join', { threadId: threadId! }, (reply) => {
        if (!active) return;
        setStatus(reply.ok ? 'live' : 'refused');
        if (reply.ok && missedEvents) resync();
        joinedBefore = true;
      });
    }
    const offline = () => active && setStatus('offline');
    const onCreated = (post: PostDto) => created(post);
    const onUpdated = (post: PostDto) => updated(post);
    const onDeleted = (post: PostDto) => deleted(post);
    const onThreadUpdated = (thread: ThreadDto) => threadUpdated(thread);

    socket.on('connect', join);
    socket.on('disconnect', offline);
    socket.on('post:created', onCreated);
    socket.on('post:updated', onUpdated);
    socket.on('post:deleted', onDeleted);
    socket.on('thread:updated', onThreadUpdated);
    if (socket.connected) join();

    return () => {
      active = false;
      socket.off('connect', join);
      socket.off('disconnect', offline);
      socket.off('post:created', onCreated);
      socket.off('post:updated', onUpdated);
      socket.off('post:deleted', onDeleted);
      socket.off('thread:updated', onThreadUpdated);
      if (socket.connected) socket.emit('thread:leave', { threadId }, () => undefined);
    };
  }, [realtime, threadId]);

  return status;
}
