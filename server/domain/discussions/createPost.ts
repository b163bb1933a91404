import { Types } from 'mongoose';
import { renderMarkdown } from '../../content/render.js';
import { withTransaction } from '../../db/connection.js';
import { Post, type PostDoc } from '../../db/models/Post.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import { conflict, validationFailed } from '../../errors.js';
import { events } from '../../events/bus.js';
import { authorize, canReplyToThread, isFrozenFor, threadFactsOf, viewerOf } from '../../policies/index.js';
import { maxPostDepth } from '../../../shared/dto/discussion.js';
import type { CreatePostBody } from '../../../shared/schemas/discussions.js';
import type { Actor } from '../context.js';
import { guardPii } from './guardPii.js';
import { findReadableThread } from './readable.js';

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
  const post = new Post({ thread: thread._id, author: actor.member._id, replyTo: target._id, ...placeUnder(target), body: input.body, bodyHtml: renderMarkdown(input.body) });
  await withTransaction(async (session) => {
    await post.save({ session });
    await Thread.updateOne({ _id: thread._id }, { $inc: { replyCount: 1 }, $set: { lastActivityAt: now } }, { session });
  });
  thread.replyCount += 1;
  thread.lastActivityAt = now;
  events.publish('post.created', { threadId: thread.id as string, postId: post.id as string });
  return { post, thread };
}
