import { Router } from 'express';
import type { PostDoc } from '../../db/models/Post.js';
import type { ThreadDoc } from '../../db/models/Thread.js';
import { createPost } from '../../domain/discussions/createPost.js';
import { createThread } from '../../domain/discussions/createThread.js';
import { deletePost } from '../../domain/discussions/deletePost.js';
import { readThread, type ThreadReading } from '../../domain/discussions/readThread.js';
import { readStateOf } from '../../domain/discussions/readStates.js';
import { loadAuthors } from '../../domain/discussions/loadAuthors.js';
import { toggleReaction } from '../../domain/discussions/toggleReaction.js';
import { updatePost } from '../../domain/discussions/updatePost.js';
import { updateThread } from '../../domain/discussions/updateThread.js';
import { viewerOf, type Viewer } from '../../policies/index.js';
import type { AuthorsById } from '../../presenters/author.js';
import { presentPost, presentPosts } from '../../presenters/post.js';
import { presentThread } from '../../presenters/thread.js';
import type { PostDto, ThreadDetailResponse } from '../../../shared/dto/discussion.js';
import { createPostBody, createThreadBody, discussionIdParams, reactionBody, updatePostBody, updateThreadBody } from '../../../shared/schemas/discussions.js';
import { input, validate } from '../middleware/validate.js';
import { actorOf } from './actorOf.js';
import { categoryRoutes } from './categories.js';

const createThreadSchemas = { body: createThreadBody };
const byId = { params: discussionIdParams };
const updateThreadSchemas = { params: discussionIdParams, body: updateThreadBody };
const createPostSchemas = { params: discussionIdParams, body: createPostBody };
const updatePostSchemas = { params: discussionIdParams, body: updatePostBody };
const reactionSchemas = { params: discussionIdParams, body: reactionBody };

function presentDetail({ thread, posts, authors, readState }: ThreadReading, viewer: Viewer): ThreadDetailResponse {
  return { thread: presentThread(thread, viewer, authors, readState), posts: presentPosts(posts, thread, viewer, authors) };
}

async function presentOne(post: PostDoc, thread: ThreadDoc, viewer: Viewer, authors?: AuthorsById): Promise<{ post: PostDto }> {
  return { post: presentPost(post, thread, viewer, authors ?? (await loadAuthors(post))) };
}

/** Categories, threads and posts (../shared/API.md, "discussions"). */
export function discussionRoutes(): Router {
  const router = Router();
  router.use(categoryRoutes());

  router.post('/threads', validate(createThreadSchemas), async (req, res) => {
    const { thread, post } = await createThread({ actor: actorOf(req), input: input(req, createThreadSchemas).body });
    const viewer = viewerOf(req.member!);
    const reading = { thread, posts: [post], authors: await loadAuthors(thread, post), readState: await readStateOf(viewer.id, thread) };
    res.status(201).json(presentDetail(reading, viewer));
  });
  router.get('/threads/:id', validate(byId), async (req, res) => {
    const viewer = viewerOf(req.member!);
    res.json(presentDetail(await readThread({ viewer, threadId: input(req, byId).params.id }), viewer));
  });
  router.patch('/threads/:id', validate(updateThreadSchemas), async (req, res) => {
    const { params, body } = input(req, updateThreadSchemas);
    const viewer = viewerOf(req.member!);
    const thread = await updateThread({ actor: actorOf(req), threadId: params.id, input: body });
    res.json({ thread: presentThread(thread, viewer, await loadAuthors(thread), await readStateOf(viewer.id, thread)) });
  });
  router.post('/threads/:id/posts', validate(createPostSchemas), async (req, res) => {
    const { params, body } = input(req, createPostSchemas);
    const { post, thread } = await createPost({ actor: actorOf(req), threadId: params.id, input: body });
    // The author is the signed-in member, loaded for this request already.
    res.status(201).json(await presentOne(post, thread, viewerOf(req.member!), new Map([[req.member!.id as string, req.member!]])));
  });
  router.patch('/posts/:id', validate(updatePostSchemas), async (req, res) => {
    const { params, body } = input(req, updatePostSchemas);
    const { post, thread } = await updatePost({ actor: actorOf(req), postId: params.id, input: body });
    res.json(await presentOne(post, thread, viewerOf(req.member!)));
  });
  router.delete('/posts/:id', validate(byId), async (req, res) => {
    const { post, thread } = await deletePost({ actor: actorOf(req), postId: input(req, byId).params.id });
    res.json(await presentOne(post, thread, viewerOf(req.member!)));
  });
  router.post('/posts/:id/reactions', validate(reactionSchemas), async (req, res) => {
    const { params, body } = input(req, reactionSchemas);
    const { post, thread } = await toggleReaction({ actor: actorOf(req), postId: params.id, input: body });
    res.json(await presentOne(post, thread, viewerOf(req.member!)));
  });
  return router;
}
