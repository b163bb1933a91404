import { Types } from 'mongoose';
import { renderMarkdown } from '../../content/render.js';
import { withTransaction } from '../../db/connection.js';
import { Post, type PostDoc } from '../../db/models/Post.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import { events } from '../../events/bus.js';
import { authorize, canStartThread, spaceOf, viewerOf } from '../../policies/index.js';
import type { CreateThreadBody } from '../../../shared/schemas/discussions.js';
import type { Actor } from '../context.js';
import { guardPii } from './guardPii.js';
import { findReadableCategory } from './readable.js';

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
  });
  const post = new Post({ thread: thread._id, author: actor.member._id, parent: null, replyTo: null, depth: 0, body: input.body, bodyHtml: renderMarkdown(input.body) });
  await withTransaction(async (session) => {
    await thread.save({ session });
    await post.save({ session });
  });
  events.publish('thread.created', { threadId: thread.id as string, postId: post.id as string });
  return { thread, post };
}
