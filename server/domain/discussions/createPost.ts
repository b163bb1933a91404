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
import { membershipOf, recordOwnPost } from './readStates.js';
import type { PostRecord } from './threadContent.js';

type ReplyTarget = Pick<PostRecord, '_id' | 'author' | 'parent' | 'depth' | 'deletedAt'>;

/** The post a reply answers: the one named, else the thread's opening post; null when it is not in this thread. */
function findReplyTarget(threadId: string, parentId: string | undefined): Promise<ReplyTarget | null> {
  const thread = new Types.ObjectId(threadId);
  const fields = { author: 1, parent: 1, depth: 1, deletedAt: 1 };
  return parentId
    ? Post.findOne({ _id: new Types.ObjectId(parentId), thread }, fields).lean<ReplyTarget>()
    : Post.findOne({ thread, parent: null }, fields).sort({ _id: 1 }).lean<ReplyTarget>();
}

/** Where a reply to `target` goes: under it, or beside it once the tree is at its deepest. */
function placeUnder(target: ReplyTarget): { parent: Types.ObjectId; depth: number } {
  if (target.depth < maxPostDepth) return { parent: target._id, depth: target.depth + 1 };
  return { parent: target.parent!, depth: maxPostDepth };
}

/** Replies to a thread (under its opening post) or to one of its posts. A locked thread answers 409. */
export async function createPost({ actor, threadId, input }: { actor: Actor; threadId: string; input: CreatePostBody }): Promise<{ post: PostDoc; thread: ThreadDoc }> {
  const viewer = viewerOf(actor.member);
  // Read side by side to save round trips; nothing read about the post or the membership is used, or answered,
  // before the thread has been found readable and the reply allowed.
  const [thread, target, ownMembership] = await Promise.all([findReadableThread(viewer, threadId), findReplyTarget(threadId, input.parentId), membershipOf(actor.member._id, threadId)]);
  const facts = threadFactsOf(thread);
  if (isFrozenFor(viewer, facts)) throw conflict('This thread is locked.');
  authorize(canReplyToThread(viewer, facts));

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
  let contentVersion = thread.contentVersion;
  let locked = thread.locked;
  await withTransaction(async (session) => {
    // The thread's counter gives the post its place; unread counts compare read marks with it.
    // contentVersion: the thread's cached posts (threadContent.ts) are stale once this commits.
    const counted = await Thread.findOneAndUpdate({ _id: thread._id }, { $inc: { replyCount: 1, postSeq: 1, contentVersion: 1 }, $set: { lastActivityAt: now } }, { session, returnDocument: 'after', projection: { postSeq: 1, visibility: 1, taskForce: 1, contentVersion: 1, locked: 1, author: 1 } });
    if (!counted || !canReadSpace(viewer, spaceOf(counted))) throw notFound('No such thread.');
    // A lock that landed since the thread was read applies too (and aborts the transaction).
    if (isFrozenFor(viewer, threadFactsOf(counted))) throw conflict('This thread is locked.');
    locked = counted.locked;
    post.seq = counted.postSeq;
    // The space as of this transaction: a move that committed since the thread was read must not leave the reply
    // carrying the old visibility copy (search filters on it).
    post.visibility = counted.visibility;
    post.taskForce = counted.taskForce;
    contentVersion = counted.contentVersion;
    await claimAttachments(post, actor.member._id, input.attachmentIds, session);
    await post.save({ session });
    await recordOwnPost(actor.member._id, thread._id, post.seq, session, ownMembership);
    stored = await saveNotifications(notifications, session);
  });
  thread.replyCount += 1;
  thread.postSeq = post.seq;
  thread.lastActivityAt = now;
  thread.contentVersion = contentVersion;
  thread.locked = locked;
  // The space the reply was committed in (a move may have landed since the thread was read).
  thread.visibility = post.visibility;
  thread.taskForce = post.taskForce;
  events.publish('post.created', { threadId: thread.id as string, postId: post.id as string, committed: { post, thread, author: actor.member } });
  publishNotifications(stored);
  return { post, thread };
}
