import { Types } from 'mongoose';
import { withTransaction } from '../../db/connection.js';
import { Category } from '../../db/models/Category.js';
import { Flag } from '../../db/models/Flag.js';
import { Post } from '../../db/models/Post.js';
import type { ThreadDoc } from '../../db/models/Thread.js';
import { conflict, notFound } from '../../errors.js';
import { events } from '../../events/bus.js';
import { authorize, canEditThreadTitle, canModerateSpace, canModerateThread, isFrozenFor, spaceOf, threadFactsOf, viewerOf } from '../../policies/index.js';
import type { UpdateThreadBody } from '../../../shared/schemas/discussions.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { Actor } from '../context.js';
import { auditActorFields } from './auditOf.js';
import { guardPii } from './guardPii.js';
import { findReadableCategory, findReadableThread } from './readable.js';

/** Retitles (author or moderator), pins, locks or moves (moderators of both spaces) a thread. Audited. */
export async function updateThread({ actor, threadId, input }: { actor: Actor; threadId: string; input: UpdateThreadBody }): Promise<ThreadDoc> {
  const viewer = viewerOf(actor.member);
  const thread = await findReadableThread(viewer, threadId);
  const facts = threadFactsOf(thread);
  const moderating = input.pinned !== undefined || input.locked !== undefined || input.categoryId !== undefined;
  if (moderating) authorize(canModerateThread(viewer, facts), 'Only moderators pin, lock or move threads.');
  if (input.title !== undefined) {
    authorize(facts.authorId === viewer.id || canModerateThread(viewer, facts), 'Only the author or a moderator retitles a thread.');
    if (isFrozenFor(viewer, facts)) throw conflict('This thread is locked.');
    authorize(canEditThreadTitle(viewer, facts));
  }
  const destination = input.categoryId !== undefined ? await findReadableCategory(viewer, input.categoryId) : null;
  if (destination) authorize(canModerateSpace(viewer, spaceOf(destination)), 'You cannot move threads into that category.');
  guardPii({ title: input.title }, input.acknowledgePii);

  const fromCategoryId = thread.category.toString();
  const fromSpace = { visibility: thread.visibility, taskForceId: thread.taskForce ? thread.taskForce.toString() : null };
  if (input.title !== undefined) thread.title = input.title;
  if (input.pinned !== undefined) thread.pinned = input.pinned;
  if (input.locked !== undefined) thread.locked = input.locked;
  if (destination) {
    thread.category = destination._id;
    thread.visibility = destination.visibility;
    thread.taskForce = destination.taskForce;
  }
  const changed = thread.modifiedPaths().filter((p) => ['title', 'pinned', 'locked', 'category'].includes(p));
  if (!changed.length) return thread;

  await withTransaction(async (session) => {
    if (destination) {
      // Both categories are written, so a concurrent change of either one's space conflicts with this move; the
      // destination's space is taken as of this transaction.
      await Category.updateOne({ _id: new Types.ObjectId(fromCategoryId) }, { $inc: { threadCount: -1 } }, { session });
      const counted = await Category.findOneAndUpdate({ _id: destination._id }, { $inc: { threadCount: 1 } }, { session, returnDocument: 'after' });
      if (!counted || !canModerateSpace(viewer, spaceOf(counted))) throw notFound('No such category.');
      thread.set({ visibility: counted.visibility, taskForce: counted.taskForce });
    }
    const space = { visibility: thread.visibility, taskForce: thread.taskForce };
    await thread.save({ session });
    // Posts and flags carry copies of the space for search and the flag queue: rewrite them in the same commit.
    if (destination) {
      await Post.updateMany({ thread: thread._id }, { $set: space }, { session });
      await Flag.updateMany({ thread: thread._id }, { $set: space }, { session });
    }
    await recordAudit(
      { ...auditActorFields(actor), action: 'thread.updated', target: `thread:${thread.id}`, details: { changed, fromCategoryId, toCategoryId: thread.category.toString() } },
      session,
    );
  });
  const moved = fromCategoryId !== thread.category.toString();
  events.publish('thread.updated', { threadId: thread.id as string, ...(moved ? { fromCategoryId, fromSpace } : {}) });
  return thread;
}
