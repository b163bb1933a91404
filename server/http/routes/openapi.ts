import { Router } from 'express';
import { buildOpenApiDocument } from '../openapi/document.js';
import { routeSpecs } from '../openapi/routes.js';

/** `GET /api/openapi.json`: built once, from the same schemas that validate requests. */
export function openApiRoutes(publicUrl: string): Router {
  const document = buildOpenApiDocument(routeSpecs, publicUrl);
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
