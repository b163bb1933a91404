import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/**
 * Serves the built client: hashed assets with long caching, and index.html for every other GET so
 * client-side routes survive a reload. API, auth and health paths never fall through to it.
 */
export function spaRoutes(distDir: string): Router {
  const router = Router();
  const indexFile = path.join(distDir, 'index.html');
  router.use('/assets', express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  router.use(express.static(distDir, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!api\/|auth\/|dev-idp\/|socket\.io\/).*/, (_req, res, next) => {
    if (!existsSync(indexFile)) return next();
    res.set('Cache-Control', 'no-cache').sendFile(indexFile);
  });
  return router;
}
