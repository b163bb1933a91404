import { Types } from 'mongoose';
import { extractMentions } from '../../content/mentions.js';
import { renderMarkdown } from '../../content/render.js';
import { withTransaction } from '../../db/connection.js';
import { Category } from '../../db/models/Category.js';
import { Post, type PostDoc } from '../../db/models/Post.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import { notFound } from '../../errors.js';
import { events } from '../../events/bus.js';
import { authorize, canStartThread, spaceOf, viewerOf } from '../../policies/index.js';
import type { CreateThreadBody } from '../../../shared/schemas/discussions.js';
import { claimAttachments } from '../attachments/claimAttachments.js';
import type { Actor } from '../context.js';
import { planPostNotifications, type PlannedNotification } from '../notifications/planPostNotifications.js';
import { publishNotifications, saveNotifications } from '../notifications/saveNotifications.js';
import { guardPii } from './guardPii.js';
import { findReadableCategory } from './readable.js';
import { recordOwnPost } from './readStates.js';

/** Starts a thread with its opening post in a category the member may read. */
export async function createThread({ actor, input }: { actor: Actor; input: CreateThreadBody }): Promise<{ thread: ThreadDoc; post: PostDoc }> {
  const viewer = viewerOf(actor.member);
  const category = await findReadableCategory(viewer, input.categoryId);
  authorize(canStartThread(viewer, spaceOf(category)));
  guardPii({ title: input.title, body: input.body }, input.acknowledgePii);

  const now = new Date();
  const thread = new Thread({
    _id: new Types.ObjectId(),
    category: category._id,
    visibility: category.visibility,
    taskForce: category.taskForce,
    title: input.title,
    author: actor.member._id,
    lastActivityAt: now,
    postSeq: 1,
  });
  const post = new Post({ thread: thread._id, visibility: thread.visibility, taskForce: thread.taskForce, author: actor.member._id, parent: null, replyTo: null, depth: 0, seq: 1, body: input.body, bodyHtml: renderMarkdown(input.body) });
  const notifications = await planPostNotifications({ thread, post, actorId: actor.member._id, mentionedHandles: extractMentions(input.body), includeWatchers: false });
  let stored: PlannedNotification[] = [];
  await withTransaction(async (session) => {
    // The category's space as of this transaction: an admin's change that committed since it was read must not
    // leave the thread and post with a stale copy (every read trusts the copies).
    const counted = await Category.findOneAndUpdate({ _id: category._id }, { $inc: { threadCount: 1 } }, { session, returnDocument: 'after' });
    if (!counted || !canStartThread(viewer, spaceOf(counted))) throw notFound('No such category.');
    thread.set({ visibility: counted.visibility, taskForce: counted.taskForce });
    post.set({ visibility: counted.visibility, taskForce: counted.taskForce });
    await thread.save({ session });
    await claimAttachments(post, actor.member._id, input.attachmentIds, session);
    await post.save({ session });
    // The author watches their thread and has read their own opening post.
    await recordOwnPost(actor.member._id, thread._id, post.seq, session);
    stored = await saveNotifications(notifications, session);
  });
  events.publish('thread.created', { threadId: thread.id as string, postId: post.id as string });
  publishNotifications(stored);
  return { thread, post };
}
