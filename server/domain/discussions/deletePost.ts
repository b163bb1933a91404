import { withTransaction } from '../../db/connection.js';
import type { PostDoc } from '../../db/models/Post.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import { events } from '../../events/bus.js';
import { canDeletePost, postFactsOf, viewerOf } from '../../policies/index.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { Actor } from '../context.js';
import { auditActorFields } from './auditOf.js';
import { assertMayChangePost } from './postGuards.js';
import { findReadablePost } from './readable.js';

/** Removes a post softly: it stays in the tree as a placeholder. A moderator removing someone else's post is audited. */
export async function deletePost({ actor, postId }: { actor: Actor; postId: string }): Promise<{ post: PostDoc; thread: ThreadDoc }> {
  const viewer = viewerOf(actor.member);
  const { post, thread } = await findReadablePost(viewer, postId);
  const facts = postFactsOf(post, thread);
  assertMayChangePost(viewer, facts, canDeletePost);

  post.deletedAt = new Date();
  post.deletedBy = actor.member._id;
  const isReply = post.parent !== null;
  await withTransaction(async (session) => {
    await post.save({ session });
    await Thread.updateOne({ _id: thread._id }, { $inc: isReply ? { replyCount: -1, contentVersion: 1 } : { contentVersion: 1 } }, { session });
    if (facts.authorId !== viewer.id) {
      await recordAudit({ ...auditActorFields(actor), action: 'post.removed', target: `post:${post.id}`, details: { threadId: thread.id as string } }, session);
    }
  });
  if (isReply) thread.replyCount -= 1;
  events.publish('post.deleted', { threadId: thread.id as string, postId: post.id as string });
  return { post, thread };
}
