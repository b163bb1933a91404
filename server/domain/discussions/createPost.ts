import { Types } from 'mongoose';
import { extractMentions } from '../../content/mentions.js';
import { renderMarkdown } from '../../content/render.js';
import { withTransaction } from '../../db/connection.js';
import { Post, type PostDoc } from '../../db/models/Post.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import { conflict, notFound, validationFailed } from '../../errors.js';
import { events } from '../../events/bus.js';
import { authorize, canReadSpace, canReplyToThread, isFrozenFor, spaceOf, threadFactsOf, viewerOf } from '../../policies/index.js';
import { maxPostDepth } from '../../../shared/dto/discussion.js';
import type { CreatePostBody } from '../../../shared/schemas/discussions.js';
import { claimAttachments } from '../attachments/claimAttachments.js';
import type { Actor } from '../context.js';
import { planPostNotifications, type PlannedNotification } from '../notifications/planPostNotifications.js';
import { publishNotifications, saveNotifications } from '../notifications/saveNotifications.js';
import { guardPii } from './guardPii.js';
import { findReadableThread } from './readable.js';
import { recordOwnPost } from './readStates.js';

/** Where a reply to `target` goes: under it, or beside it once the tree is at its deepest. */
function placeUnder(target: PostDoc): { parent: Types.ObjectId; depth: number } {
  if (target.depth < maxPostDepth) return { parent: target._id, depth: target.depth + 1 };
  return { parent: target.parent!, depth: maxPostDepth };
}

/** Replies to a thread (under its opening post) or to one of its posts. A locked thread answers 409. */
export async function createPost({ actor, threadId, input }: { actor: Actor; threadId: string; input: CreatePostBody }): Promise<{ post: PostDoc; thread: ThreadDoc }> {
  const viewer = viewerOf(actor.member);
  const thread = await findReadableThread(viewer, threadId);
  const facts = threadFactsOf(thread);
  if (isFrozenFor(viewer, facts)) throw conflict('This thread is locked.');
  authorize(canReplyToThread(viewer, facts));

  const target = input.parentId
    ? await Post.findOne({ _id: new Types.ObjectId(input.parentId), thread: thread._id })
    : await Post.findOne({ thread: thread._id, parent: null }).sort({ _id: 1 });
  if (!target) throw validationFailed([{ path: 'body.parentId', message: 'is not a post of this thread' }]);
  if (target.deletedAt) throw conflict('That post was removed.');
  guardPii({ body: input.body }, input.acknowledgePii);

  const now = new Date();
  const post = new Post({ thread: thread._id, visibility: thread.visibility, taskForce: thread.taskForce, author: actor.member._id, replyTo: target._id, ...placeUnder(target), body: input.body, bodyHtml: renderMarkdown(input.body) });
  const notifications = await planPostNotifications({
    thread,
    post,
    actorId: actor.member._id,
    mentionedHandles: extractMentions(input.body),
    repliedToAuthorId: target.author,
    includeWatchers: true,
  });
  let stored: PlannedNotification[] = [];
  await withTransaction(async (session) => {
    // The thread's counter gives the post its place; unread counts compare read marks with it.
    const counted = await Thread.findOneAndUpdate({ _id: thread._id }, { $inc: { replyCount: 1, postSeq: 1 }, $set: { lastActivityAt: now } }, { session, returnDocument: 'after', projection: { postSeq: 1, visibility: 1, taskForce: 1 } });
    if (!counted || !canReadSpace(viewer, spaceOf(counted))) throw notFound('No such thread.');
    post.seq = counted.postSeq;
    // The space as of this transaction: a move that committed since the thread was read must not leave the reply
    // carrying the old visibility copy (search filters on it).
    post.visibility = counted.visibility;
    post.taskForce = counted.taskForce;
    await claimAttachments(post, actor.member._id, input.attachmentIds, session);
    await post.save({ session });
    await recordOwnPost(actor.member._id, thread._id, post.seq, session);
    stored = await saveNotifications(notifications, session);
  });
  thread.replyCount += 1;
  thread.postSeq = post.seq;
  thread.lastActivityAt = now;
  events.publish('post.created', { threadId: thread.id as string, postId: post.id as string });
  publishNotifications(stored);
  return { post, thread };
}
