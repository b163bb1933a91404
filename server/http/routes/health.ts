import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { Config } from '../../config/env.js';
import type { Metrics } from '../../metrics.js';

export interface HealthChecks {
  /** Each check resolves when its dependency answers; a rejection marks it down. */
  [name: string]: () => Promise<unknown>;
}

const withTimeout = (p: Promise<unknown>, ms: number) =>
  Promise.race([p, new Promise((_r, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

export function healthRoutes(deps: { config: Config; metrics: Metrics; checks: HealthChecks }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      Object.entries(deps.checks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), 2000);
          return [name, 'up'] as const;
        } catch {
          return [name, 'down'] as const;
        }
      }),
    );
    const down = results.filter(([, state]) => state === 'down').map(([name]) => name);
    res
      .status(down.length ? 503 : 200)
      .set('Cache-Control', 'no-store')
      .json(down.length ? { status: 'unavailable', down, checks: Object.fromEntries(results) } : { status: 'ready', checks: Object.fromEntries(results) });
  });
  router.get('/metrics', async (req, res) => {
    if (deps.config.isProduction) {
      const token = deps.config.METRICS_TOKEN;
      const given = Buffer.from(req.get('authorization') ?? '');
      const wanted = Buffer.from(`Bearer ${token ?? ''}`);
      if (!token || given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
        res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: { code: 'unauthenticated', message: 'A metrics token is required.', details: [] } });
        return;
      }
    }
    res.set('Content-Type', deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}
