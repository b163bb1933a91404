import { useEffect, useRef } from 'react';
import type { PostDto } from '../../../../shared/dto/discussion.js';
import { markThreadRead } from '../../api/discussions.js';
import { useAnnounce } from '../../lib/announcer.js';
import { useThreadRoom } from '../../realtime/useThreadRoom.js';
import type { RoomStatus } from '../../realtime/useThreadRoom.js';
import { authorName } from './PostItem.js';
import type { ThreadModel } from './useThread.js';

/**
 * Applies the thread room's events to the open thread and speaks each through the polite live region, without
 * moving focus. The member's own actions are announced by the control that did them, so they are skipped here.
 */
export function useLiveThread(threadId: string, model: ThreadModel, myId: string): RoomStatus {
  const announce = useAnnounce();
  const byOther = (post: PostDto) => post.author?.id !== myId;
  const readTimer = useRef<number | undefined>(undefined);

  // The member is looking at the thread, so what arrives live is read; one request per burst of replies.
  function markReadSoon() {
    window.clearTimeout(readTimer.current);
    readTimer.current = window.setTimeout(() => void markThreadRead(threadId).catch(() => undefined), 2000);
  }
  useEffect(() => () => window.clearTimeout(readTimer.current), []);

  return useThreadRoom(threadId, {
    onPostCreated(post) {
      const known = model.applyLive(post);
      markReadSoon();
      if (!known && byOther(post)) announce(`New reply from ${authorName(post)}`);
    },
    onPostUpdated(post) {
      const known = model.applyLive(post);
      // Reactions also arrive as updates; only a change of text is worth interrupting the reader for.
      const textChanged = known && (known.editedAt !== post.editedAt || known.body !== post.body);
      if (textChanged && byOther(post)) announce(`${authorName(post)} edited a post`);
    },
    onPostDeleted(post) {
      const known = model.applyLive(post);
      if (known && !known.removed) announce(`A post by ${authorName(known)} was removed`);
    },
    onThreadUpdated(thread) {
      const known = model.applyLiveThread(thread);
      if (!known) return;
      const changes = [
        known.title !== thread.title && `renamed to ${thread.title}`,
        known.pinned !== thread.pinned && (thread.pinned ? 'pinned' : 'unpinned'),
        known.locked !== thread.locked && (thread.locked ? 'locked' : 'unlocked'),
        known.categoryId !== thread.categoryId && 'moved to another category',
      ].filter(Boolean);
      if (changes.length) announce(`This thread was ${changes.join(', ')}`);
      // Locking or moving changes what this member may do; the event carries no per-member abilities.
      if (known.locked !== thread.locked || known.categoryId !== thread.categoryId) model.refresh();
    },
    onResync: model.refresh,
  });
}
