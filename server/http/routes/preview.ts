import { Router } from 'express';
import { previewContent } from '../../domain/discussions/previewContent.js';
import { previewBody } from '../../../shared/schemas/discussions.js';
import { input, validate } from '../middleware/validate.js';

const previewSchemas = { body: previewBody };

/** `POST /api/preview` `{body}` -> `{bodyHtml, pii}` for the composer. Rate limited per member in app.ts. */
export function previewRoutes(): Router {
  const router = Router();
  router.post('/preview', validate(previewSchemas), (req, res) => {
    res.json(previewContent(input(req, previewSchemas).body));
  });
  return router;
}
