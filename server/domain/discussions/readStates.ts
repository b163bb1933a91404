import type { ClientSession, Types } from 'mongoose';
import { ThreadMembership } from '../../db/models/ThreadMembership.js';
import type { ThreadDoc } from '../../db/models/Thread.js';

/** What one member sees about a thread in lists: posts they have not read yet, and whether they watch it. */
export interface ReadState {
  unreadCount: number;
  watching: boolean;
}

export const noReadState: ReadState = { unreadCount: 0, watching: false };

/**
 * Unread = posts added since the member's last read (removed posts still count: they were added, and the count
 * must not go down when a moderator removes something). A thread never opened counts all its posts.
 */
const unreadOf = (thread: Pick<ThreadDoc, 'postSeq'>, lastReadSeq: number) => Math.max(0, thread.postSeq - lastReadSeq);

/** Read states of one member for a page of threads, in one query. */
export async function readStatesOf(memberId: string, threads: ThreadDoc[]): Promise<Map<string, ReadState>> {
  const memberships = threads.length
    ? await ThreadMembership.find({ member: memberId, thread: { $in: threads.map((t) => t._id) } }, { thread: 1, lastReadSeq: 1, watching: 1 }).lean()
    : [];
  const byThread = new Map(memberships.map((m) => [m.thread.toString(), m]));
  return new Map(
    threads.map((t) => {
      const membership = byThread.get(t.id as string);
      return [t.id as string, { unreadCount: unreadOf(t, membership?.lastReadSeq ?? 0), watching: membership?.watching ?? false }];
    }),
  );
}

export async function readStateOf(memberId: string, thread: ThreadDoc): Promise<ReadState> {
  return (await readStatesOf(memberId, [thread])).get(thread.id as string) ?? noReadState;
}

/** Moves the member's read mark forward to `seq` (never back); creates the membership when missing. */
export async function advanceReadMark(memberId: Types.ObjectId | string, threadId: Types.ObjectId, seq: number, session?: ClientSession): Promise<void> {
  await ThreadMembership.updateOne({ member: memberId, thread: threadId }, { $max: { lastReadSeq: seq } }, { upsert: true, session });
}

/**
 * After a member posts: their own post is read, and they watch the thread unless they explicitly unwatched it.
 * Runs inside the post's transaction.
 */
export async function recordOwnPost(memberId: Types.ObjectId, threadId: Types.ObjectId, seq: number, session: ClientSession): Promise<void> {
  await advanceReadMark(memberId, threadId, seq, session);
  await ThreadMembership.updateOne({ member: memberId, thread: threadId, unwatchedAt: null, watching: false }, { $set: { watching: true } }, { session });
}
