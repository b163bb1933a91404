import { Router } from 'express';
import { listFlags } from '../../domain/flags/listFlags.js';
import { viewerOf } from '../../policies/index.js';
import { presentFlag } from '../../presenters/flag.js';
import type { FlagPage } from '../../../shared/dto/flag.js';
import { listFlagsQuery } from '../../../shared/schemas/flags.js';
import { input, validate } from '../middleware/validate.js';

const listSchemas = { query: listFlagsQuery };

/** `GET /api/moderation/flags`: the queue. Resolving flags (`POST /api/moderation/actions`) comes with moderation. */
export function moderationRoutes(): Router {
  const router = Router();
  router.get('/moderation/flags', validate(listSchemas), async (req, res) => {
    const { entries, authors, nextCursor } = await listFlags({ viewer: viewerOf(req.member!), query: input(req, listSchemas).query });
    const body: FlagPage = { items: entries.map((e) => presentFlag(e, authors)), nextCursor };
    res.json(body);
  });
  return router;
}
