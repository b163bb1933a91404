import { Router } from 'express';
import { createFlag } from '../../domain/flags/createFlag.js';
import { loadAuthors } from '../../domain/discussions/loadAuthors.js';
import { presentFlag } from '../../presenters/flag.js';
import type { FlagCreatedResponse } from '../../../shared/dto/flag.js';
import { discussionIdParams } from '../../../shared/schemas/discussions.js';
import { createFlagBody } from '../../../shared/schemas/flags.js';
import { input, validate } from '../middleware/validate.js';
import { actorOf } from './actorOf.js';

const createSchemas = { params: discussionIdParams, body: createFlagBody };

/** `POST /api/posts/:id/flags`. */
export function flagRoutes(): Router {
  const router = Router();
  router.post('/posts/:id/flags', validate(createSchemas), async (req, res) => {
    const { params, body } = input(req, createSchemas);
    const created = await createFlag({ actor: actorOf(req), postId: params.id, input: body });
    const authors = await loadAuthors({ author: created.flag.reporter }, created.post);
    const response: FlagCreatedResponse = { flag: presentFlag(created, authors) };
    res.status(201).json(response);
  });
  return router;
}
