import { Types } from 'mongoose';
import { Category, type CategoryDoc } from '../../db/models/Category.js';
import { Post, type PostDoc } from '../../db/models/Post.js';
import { Thread, type ThreadDoc, type ThreadFields } from '../../db/models/Thread.js';
import { notFound } from '../../errors.js';
import type { Viewer } from '../../policies/index.js';

/**
 * The read rule of policies/discussion.ts `canReadSpace`, as a query filter on categories and threads (both carry
 * `visibility` and `taskForce`), so lists never fetch what the member may not see.
 */
type SpaceClause = { visibility: 'open' } | { visibility: 'private'; taskForce: Types.ObjectId };

export function readableSpaceFilter(viewer: Viewer): { $or?: SpaceClause[] } {
  if (viewer.role === 'moderator' || viewer.role === 'admin') return {};
  return { $or: [{ visibility: 'open' }, { visibility: 'private', taskForce: new Types.ObjectId(viewer.taskForceId) }] };
}

/** A category the viewer may read, else 404: a private space of another task force does not exist for them. */
export async function findReadableCategory(viewer: Viewer, id: string): Promise<CategoryDoc> {
  const category = await Category.findOne({ _id: new Types.ObjectId(id), ...readableSpaceFilter(viewer) });
  if (!category) throw notFound('No such category.');
  return category;
}

export async function findReadableThread(viewer: Viewer, id: string): Promise<ThreadDoc> {
  const thread = await Thread.findOne({ _id: new Types.ObjectId(id), ...readableSpaceFilter(viewer) });
  if (!thread) throw notFound('No such thread.');
  return thread;
}

/** A thread as read lean (plain data), for reads that only present it. */
export type ThreadRecord = ThreadFields & { _id: Types.ObjectId };

/** `findReadableThread` without building a mongoose document: for the thread view, which only presents it. */
export async function findReadableThreadRecord(viewer: Viewer, id: string): Promise<ThreadRecord> {
  const thread = await Thread.findOne({ _id: new Types.ObjectId(id), ...readableSpaceFilter(viewer) }).lean<ThreadRecord>();
  if (!thread) throw notFound('No such thread.');
  // Lean reads skip schema defaults: a thread stored before a field existed must still present.
  return { ...thread, pinned: thread.pinned ?? false, locked: thread.locked ?? false, replyCount: thread.replyCount ?? 0, postSeq: thread.postSeq ?? 0, contentVersion: thread.contentVersion ?? 0, taskForce: thread.taskForce ?? null };
}

/** A post and its thread, when the viewer may read the thread. */
export async function findReadablePost(viewer: Viewer, id: string): Promise<{ post: PostDoc; thread: ThreadDoc }> {
  const post = await Post.findById(new Types.ObjectId(id));
  const thread = post ? await Thread.findOne({ _id: post.thread, ...readableSpaceFilter(viewer) }) : null;
  if (!post || !thread) throw notFound('No such post.');
  return { post, thread };
}
