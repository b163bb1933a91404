import { extractMentions } from '../../content/mentions.js';
import { renderMarkdown } from '../../content/render.js';
import { withTransaction } from '../../db/connection.js';
import type { PostDoc } from '../../db/models/Post.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import { events } from '../../events/bus.js';
import { canEditPost, postFactsOf, viewerOf } from '../../policies/index.js';
import type { UpdatePostBody } from '../../../shared/schemas/discussions.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { Actor } from '../context.js';
import { auditActorFields } from './auditOf.js';
import { assertMayChangePost } from './postGuards.js';
import { alreadyNotified, planPostNotifications, type PlannedNotification } from '../notifications/planPostNotifications.js';
import { publishNotifications, saveNotifications } from '../notifications/saveNotifications.js';
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

  const notifications = await planEditNotifications(post, thread, actor, input.body);
  const now = new Date();
  post.revisions.push({ body: post.body, editedAt: now, editor: actor.member._id });
  post.body = input.body;
  post.bodyHtml = renderMarkdown(input.body);
  post.editedAt = now;
  let stored: PlannedNotification[] = [];
  await withTransaction(async (session) => {
    await post.save({ session });
    await Thread.updateOne({ _id: thread._id }, { $inc: { contentVersion: 1 } }, { session });
    if (facts.authorId !== viewer.id) {
      await recordAudit({ ...auditActorFields(actor), action: 'post.edited_by_moderator', target: `post:${post.id}`, details: { threadId: thread.id as string } }, session);
    }
    stored = await saveNotifications(notifications, session);
  });
  events.publish('post.updated', { threadId: thread.id as string, postId: post.id as string });
  publishNotifications(stored);
  return { post, thread };
}

/** An edit notifies only members it newly mentions, and none who already heard of this post. */
async function planEditNotifications(post: PostDoc, thread: ThreadDoc, actor: Actor, newBody: string) {
  const before = new Set(extractMentions(post.body));
  const added = extractMentions(newBody).filter((handle) => !before.has(handle));
  if (!added.length) return [];
  const planned = await planPostNotifications({ thread, post, actorId: actor.member._id, mentionedHandles: added, includeWatchers: false });
  const notified = await alreadyNotified(post._id);
  return planned.filter((n) => !notified.has(n.member.toString()));
}
