import { Router } from 'express';
import { searchContent } from '../../domain/search/searchContent.js';
import { viewerOf } from '../../policies/index.js';
import { presentSearchResult } from '../../presenters/searchResult.js';
import type { SearchPage } from '../../../shared/dto/search.js';
import { searchQuery } from '../../../shared/schemas/search.js';
import { input, validate } from '../middleware/validate.js';

const searchSchemas = { query: searchQuery };

/** `GET /api/search` (../shared/API.md, "search"). */
export function searchRoutes(): Router {
  const router = Router();
  router.get('/search', validate(searchSchemas), async (req, res) => {
    const { hits, authors, nextCursor } = await searchContent({ viewer: viewerOf(req.member!), query: input(req, searchSchemas).query });
    const body: SearchPage = { items: hits.map((h) => presentSearchResult(h, authors)), nextCursor };
    res.json(body);
  });
  return router;
}
