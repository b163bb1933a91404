import { withTransaction } from '../../db/connection.js';
import { Post, type PostDoc } from '../../db/models/Post.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import { conflict, notFound } from '../../errors.js';
import { events } from '../../events/bus.js';
import { authorize, canReactToPost, isFrozenFor, postFactsOf, viewerOf } from '../../policies/index.js';
import type { ReactionBody } from '../../../shared/schemas/discussions.js';
import type { Actor } from '../context.js';
import { findReadablePost } from './readable.js';

/** Gives the reaction if the member has not, takes it back if they have. */
export async function toggleReaction({ actor, postId, input }: { actor: Actor; postId: string; input: ReactionBody }): Promise<{ post: PostDoc; thread: ThreadDoc }> {
  const viewer = viewerOf(actor.member);
  const { post, thread } = await findReadablePost(viewer, postId);
  const facts = postFactsOf(post, thread);
  if (facts.removed) throw conflict('That post was removed.');
  if (isFrozenFor(viewer, facts.thread)) throw conflict('This thread is locked.');
  authorize(canReactToPost(viewer, facts));

  const given = { member: actor.member._id, reaction: input.reaction };
  // Conditional updates rather than read-modify-write, so two quick clicks never leave a duplicate. The thread's
  // contentVersion moves in the same transaction, so its cached posts (threadContent.ts) cannot outlive the change.
  await withTransaction(async (session) => {
    const taken = await Post.updateOne({ _id: post._id, reactions: { $elemMatch: given } }, { $pull: { reactions: given } }, { session });
    if (taken.modifiedCount === 0) {
      await Post.updateOne({ _id: post._id, reactions: { $not: { $elemMatch: given } } }, { $push: { reactions: given } }, { session });
    }
    await Thread.updateOne({ _id: thread._id }, { $inc: { contentVersion: 1 } }, { session });
  });
  const updated = await Post.findById(post._id);
  if (!updated) throw notFound('No such post.');
  events.publish('post.reacted', { threadId: thread.id as string, postId: post.id as string });
  return { post: updated, thread };
}
