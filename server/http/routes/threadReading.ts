import { Router } from 'express';
import { markThreadRead } from '../../domain/discussions/markThreadRead.js';
import { unwatchThread } from '../../domain/discussions/unwatchThread.js';
import { watchThread } from '../../domain/discussions/watchThread.js';
import { viewerOf } from '../../policies/index.js';
import { discussionIdParams } from '../../../shared/schemas/discussions.js';
import { markThreadReadBody } from '../../../shared/schemas/threadMembership.js';
import { input, validate } from '../middleware/validate.js';
import { actorOf } from './actorOf.js';

const byId = { params: discussionIdParams };
const markReadSchemas = { params: discussionIdParams, body: markThreadReadBody };

/** Watching a thread and marking it read: `PUT`/`DELETE /api/threads/:id/watch`, `POST /api/threads/:id/read`. */
export function threadReadingRoutes(): Router {
  const router = Router();
  router.put('/threads/:id/watch', validate(byId), async (req, res) => {
    res.json(await watchThread({ actor: actorOf(req), threadId: input(req, byId).params.id }));
  });
  router.delete('/threads/:id/watch', validate(byId), async (req, res) => {
    res.json(await unwatchThread({ actor: actorOf(req), threadId: input(req, byId).params.id }));
  });
  router.post('/threads/:id/read', validate(markReadSchemas), async (req, res) => {
    const { params, body } = input(req, markReadSchemas);
    res.json(await markThreadRead({ viewer: viewerOf(req.member!), threadId: params.id, input: body }));
  });
  return router;
}
