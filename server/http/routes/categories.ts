import { Router } from 'express';
import { createCategory } from '../../domain/discussions/createCategory.js';
import { listCategories } from '../../domain/discussions/listCategories.js';
import { listThreads } from '../../domain/discussions/listThreads.js';
import { updateCategory } from '../../domain/discussions/updateCategory.js';
import { loadAuthors } from '../../domain/discussions/loadAuthors.js';
import { readStatesOf } from '../../domain/discussions/readStates.js';
import { viewerOf } from '../../policies/index.js';
import { presentCategory } from '../../presenters/category.js';
import { presentThread } from '../../presenters/thread.js';
import type { CategoryListResponse, ThreadPage } from '../../../shared/dto/discussion.js';
import { createCategoryBody, discussionIdParams, listThreadsQuery, updateCategoryBody } from '../../../shared/schemas/discussions.js';
import { input, validate } from '../middleware/validate.js';
import { actorOf } from './actorOf.js';

const createSchemas = { body: createCategoryBody };
const threadListSchemas = { params: discussionIdParams, query: listThreadsQuery };
const updateSchemas = { params: discussionIdParams, body: updateCategoryBody };

/** `GET`/`POST /api/categories`, `PATCH /api/categories/:id`, `GET /api/categories/:id/threads`. */
export function categoryRoutes(): Router {
  const router = Router();
  router.get('/categories', async (req, res) => {
    const viewer = viewerOf(req.member!);
    const body: CategoryListResponse = { items: (await listCategories(viewer)).map((c) => presentCategory(c, viewer)) };
    res.json(body);
  });
  router.post('/categories', validate(createSchemas), async (req, res) => {
    const category = await createCategory({ actor: actorOf(req), input: input(req, createSchemas).body });
    res.status(201).json({ category: presentCategory(category, viewerOf(req.member!)) });
  });
  router.patch('/categories/:id', validate(updateSchemas), async (req, res) => {
    const { params, body } = input(req, updateSchemas);
    const category = await updateCategory({ actor: actorOf(req), categoryId: params.id, input: body });
    res.json({ category: presentCategory(category, viewerOf(req.member!)) });
  });
  router.get('/categories/:id/threads', validate(threadListSchemas), async (req, res) => {
    const { params, query } = input(req, threadListSchemas);
    const viewer = viewerOf(req.member!);
    const { threads, nextCursor } = await listThreads({ viewer, categoryId: params.id, query });
    const authors = await loadAuthors(...threads);
    // The member's read marks for the whole page in one query.
    const readStates = await readStatesOf(viewer.id, threads);
    const body: ThreadPage = { items: threads.map((t) => presentThread(t, viewer, authors, readStates.get(t.id as string))), nextCursor };
    res.json(body);
  });
  return router;
}
