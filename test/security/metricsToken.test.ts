import assert from 'node:assert/strict';
import express from 'express';
import supertest from 'supertest';
import { loadConfig } from '../../server/config/env.js';
import { healthRoutes } from '../../server/http/routes/health.js';
import { createMetrics } from '../../server/metrics.js';

/** The operations routes under a production configuration, with or without METRICS_TOKEN. */
function productionOps(metricsToken?: string) {
  const config = loadConfig({
    NODE_ENV: 'production',
    MONGODB_URI: 'mongodb://db.internal/tfc',
    REDIS_URL: 'redis://cache.internal:6379',
    SESSION_SECRET: 's'.repeat(40),
    SAML_IDP_CERT: 'cert',
    SAML_IDP_SSO_URL: 'https://idp.example.org/sso',
    SAML_IDP_ISSUER: 'https://idp.example.org/metadata',
    PUBLIC_URL: 'https://connect.example.org',
    ...(metricsToken ? { METRICS_TOKEN: metricsToken } : {}),
  });
  return express().use(healthRoutes({ config, metrics: createMetrics(), checks: {} }));
}

describe('/metrics in production', () => {
  it('answers 401 without the bearer token and 200 with it', async () => {
    const app = productionOps('m'.repeat(32));
    await supertest(app).get('/metrics').expect(401);
    await supertest(app).get('/metrics').set('Authorization', `Bearer ${'x'.repeat(32)}`).expect(401);
    const res = await supertest(app).get('/metrics').set('Authorization', `Bearer ${'m'.repeat(32)}`).expect(200);
    assert.match(res.text, /process_resident_memory_bytes/);
  });

  it('stays closed when no METRICS_TOKEN is configured', async () => {
    await supertest(productionOps()).get('/metrics').set('Authorization', 'Bearer ').expect(401);
  });

  it('keeps /healthz open', async () => {
    await supertest(productionOps()).get('/healthz').expect(200);
  });
});
