import type { Viewer } from '../../policies/index.js';
import { findReadableThreadRecord, type ThreadRecord } from './readable.js';
import { readToEnd, type ReadState } from './readStates.js';
import { loadThreadContent, type ThreadContent } from './threadContent.js';

export interface ThreadReading extends ThreadContent {
  thread: ThreadRecord;
  /** The member's state after this read: nothing unread, and whether they watch the thread. */
  readState: ReadState;
}

/**
 * Opens a thread for the member: the thread (404 if unreadable, checked on every read), its posts in tree order and
 * their authors, and everything in it is now read.
 */
export async function readThread({ viewer, threadId }: { viewer: Viewer; threadId: string }): Promise<ThreadReading> {
  const thread = await findReadableThreadRecord(viewer, threadId);
  const [content, readState] = await Promise.all([loadThreadContent(thread), readToEnd(viewer.id, thread)]);
  return { thread, ...content, readState };
}
