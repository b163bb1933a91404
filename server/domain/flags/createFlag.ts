import { excerpt } from '../../content/render.js';
import { withTransaction } from '../../db/connection.js';
import { Flag, type FlagDoc } from '../../db/models/Flag.js';
import type { PostDoc } from '../../db/models/Post.js';
import type { ThreadDoc } from '../../db/models/Thread.js';
import { conflict } from '../../errors.js';
import { authorize, canFlagPost, postFactsOf, viewerOf } from '../../policies/index.js';
import type { CreateFlagBody } from '../../../shared/schemas/flags.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { Actor } from '../context.js';
import { auditActorFields } from '../discussions/auditOf.js';
import { findReadablePost } from '../discussions/readable.js';

const alreadyFlagged = () => conflict('You already flagged this post; a moderator will look at it.');

/**
 * Reports a post to moderators: readable posts only (404), not one's own (403), not a removed one (409), one open
 * flag per member and post (409). Audited without the note, which may hold the very details being reported.
 */
export async function createFlag({ actor, postId, input }: { actor: Actor; postId: string; input: CreateFlagBody }): Promise<{ flag: FlagDoc; post: PostDoc; thread: ThreadDoc; excerpt: string }> {
  const viewer = viewerOf(actor.member);
  const { post, thread } = await findReadablePost(viewer, postId);
  const facts = postFactsOf(post, thread);
  authorize(facts.authorId !== viewer.id, 'You cannot flag your own post.');
  if (facts.removed) throw conflict('That post was removed.');
  authorize(canFlagPost(viewer, facts));
  if (await Flag.exists({ post: post._id, reporter: actor.member._id, status: 'open' })) throw alreadyFlagged();

  const flag = new Flag({
    post: post._id,
    thread: thread._id,
    visibility: thread.visibility,
    taskForce: thread.taskForce,
    reporter: actor.member._id,
    reason: input.reason,
    note: input.note ?? '',
  });
  await withTransaction(async (session) => {
    // The partial unique index settles two submissions that both passed the check above.
    await flag.save({ session }).catch((err: unknown) => {
      throw (err as { code?: number }).code === 11000 ? alreadyFlagged() : err;
    });
    await recordAudit(
      { ...auditActorFields(actor), action: 'post.flagged', target: `post:${post.id}`, details: { flagId: flag.id as string, threadId: thread.id as string, reason: input.reason } },
      session,
    );
  });
  return { flag, post, thread, excerpt: excerpt(post.body) };
}
