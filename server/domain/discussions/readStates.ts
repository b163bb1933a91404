import { Types, type ClientSession } from 'mongoose';
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
 * Opening a thread reads it to its latest post: one lean read of the membership, and a write only when the member
 * is behind (the write's `$max` still never moves a mark back if another tab got further first).
 */
export async function readToEnd(memberId: string, thread: Pick<ThreadDoc, '_id' | 'postSeq'>): Promise<ReadState> {
  const membership = await ThreadMembership.findOne({ member: memberId, thread: thread._id }, { lastReadSeq: 1, watching: 1 }).lean();
  if (!membership || membership.lastReadSeq < thread.postSeq) await advanceReadMark(memberId, thread._id, thread.postSeq);
  return { unreadCount: 0, watching: membership?.watching ?? false };
}

/** Whether a member watches a thread or unwatched it on purpose; null when they never had a relation to it. */
export type WatchState = { watching: boolean; unwatchedAt?: Date | null } | null;

export async function membershipOf(memberId: Types.ObjectId, threadId: string): Promise<WatchState> {
  return ThreadMembership.findOne({ member: memberId, thread: new Types.ObjectId(threadId) }, { watching: 1, unwatchedAt: 1 }).lean();
}

/**
 * After a member posts: their own post is read, and they watch the thread unless they explicitly unwatched it.
 * Runs inside the post's transaction. `before`, the membership as read before the transaction, spares the watch
 * update when it could change nothing (already watching, or unwatched on purpose: its filter would match nothing).
 */
export async function recordOwnPost(memberId: Types.ObjectId, threadId: Types.ObjectId, seq: number, session: ClientSession, before?: WatchState): Promise<void> {
  await advanceReadMark(memberId, threadId, seq, session);
  if (before?.watching || before?.unwatchedAt) return;
  await ThreadMembership.updateOne({ member: memberId, thread: threadId, unwatchedAt: null, watching: false }, { $set: { watching: true } }, { session });
}
