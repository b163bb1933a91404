import { useCallback, useEffect, useState } from 'react';
import type { PostDto, ThreadDto } from '../../../../shared/dto/discussion.js';
import { describeError, fetchThread } from '../../api/discussions.js';
import { mergeLivePost, upsert } from './postTree.js';

export type ThreadState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; thread: ThreadDto; posts: PostDto[] };

export interface ThreadModel {
  state: ThreadState;
  /** Loads the thread again in the background (after a reconnection that could not replay missed events). */
  refresh(): void;
  /** A post as the REST API answered this member: taken as is, abilities included. */
  applyOwn(post: PostDto): void;
  /** A post pushed over the socket; returns the version this member had before, if any. */
  applyLive(post: PostDto): PostDto | undefined;
  applyThread(thread: ThreadDto): void;
  /** A thread pushed over the socket; returns the version this member had before. */
  applyLiveThread(thread: ThreadDto): ThreadDto | undefined;
}

/** The open thread and its posts, kept current from REST answers and live events. */
export function useThread(threadId: string): ThreadModel {
  const [state, setState] = useState<ThreadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loadedId, setLoadedId] = useState(threadId);

  // Another thread was opened: show loading instead of the previous thread's posts (state adjusted during render).
  if (loadedId !== threadId) {
    setLoadedId(threadId);
    setState({ status: 'loading' });
  }

  useEffect(() => {
    const controller = new AbortController();
    fetchThread(threadId, controller.signal).then(
      ({ thread, posts }) => setState({ status: 'ready', thread, posts }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState((current) => (current.status === 'ready' ? current : { status: 'failed', message: describeError(error) }));
      },
    );
    return () => controller.abort();
  }, [threadId, attempt]);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);

  const applyOwn = useCallback((post: PostDto) => {
    setState((current) => (current.status === 'ready' ? { ...current, posts: upsert(current.posts, post) } : current));
  }, []);

  const applyThread = useCallback((thread: ThreadDto) => {
    setState((current) => (current.status === 'ready' ? { ...current, thread } : current));
  }, []);

  const applyLive = useCallback(
    (post: PostDto) => {
      const known = state.status === 'ready' ? state.posts.find((p) => p.id === post.id) : undefined;
      setState((current) => {
        if (current.status !== 'ready') return current;
        const before = current.posts.find((p) => p.id === post.id);
        return { ...current, posts: upsert(current.posts, mergeLivePost(before, post)) };
      });
      return known;
    },
    [state],
  );

  const applyLiveThread = useCallback(
    (incoming: ThreadDto) => {
      const known = state.status === 'ready' ? state.thread : undefined;
      // The event is presented for no one in particular: the member's own unread count, watch state and abilities stay.
      setState((current) =>
        current.status === 'ready'
          ? { ...current, thread: { ...incoming, unreadCount: current.thread.unreadCount, watching: current.thread.watching, abilities: current.thread.abilities } }
          : current,
      );
      return known;
    },
    [state],
  );

  return { state, refresh, applyOwn, applyLive, applyThread, applyLiveThread };
}
