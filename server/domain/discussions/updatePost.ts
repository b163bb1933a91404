import { renderMarkdown } from '../../content/render.js';
import { withTransaction } from '../../db/connection.js';
import type { PostDoc } from '../../db/models/Post.js';
import type { ThreadDoc } from '../../db/models/Thread.js';
import { events } from '../../events/bus.js';
import { canEditPost, postFactsOf, viewerOf } from '../../policies/index.js';
import type { UpdatePostBody } from '../../../shared/schemas/discussions.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { Actor } from '../context.js';
import { auditActorFields } from './auditOf.js';
import { assertMayChangePost } from './postGuards.js';
import { guardPii } from './guardPii.js';
import { findReadablePost } from './readable.js';

/** Edits a post's body, keeping the previous one in its revision history; a moderator's edit is audited. */
export async function updatePost({ actor, postId, input }: { actor: Actor; postId: string; input: UpdatePostBody }): Promise<{ post: PostDoc; thread: ThreadDoc }> {
  const viewer = viewerOf(actor.member);
  const { post, thread } = await findReadablePost(viewer, postId);
  const facts = postFactsOf(post, thread);
  assertMayChangePost(viewer, facts, canEditPost);
  if (input.body === post.body) return { post, thread };
  guardPii({ body: input.body }, input.acknowledgePii);

  const now = new Date();
  post.revisions.push({ body: post.body, editedAt: now, editor: actor.member._id });
  post.body = input.body;
  post.bodyHtml = renderMarkdown(input.body);
  post.editedAt = now;
  await withTransaction(async (session) => {
    await post.save({ session });
    if (facts.authorId !== viewer.id) {
      await recordAudit({ ...auditActorFields(actor), action: 'post.edited_by_moderator', target: `post:${post.id}`, details: { threadId: thread.id as string } }, session);
    }
  });
  events.publish('post.updated', { threadId: thread.id as string, postId: post.id as string });
  return { post, thread };
}
