import assert from 'node:assert/strict';
import express from 'express';
import supertest from 'supertest';
import { createSessions } from '../../server/auth/session.js';
import { systemClock } from '../../server/clock.js';
import { loadConfig } from '../../server/config/env.js';
import { createLogger } from '../../server/logger.js';
import { memoryKeyValueStore } from '../../server/redis/kv.js';
import type { MemberDoc } from '../../server/db/models/Member.js';

const productionConfig = () =>
  loadConfig({
    NODE_ENV: 'production',
    MONGODB_URI: 'mongodb://db.internal/tfc',
    REDIS_URL: 'redis://cache.internal:6379',
    SESSION_SECRET: 's'.repeat(40),
    SAML_IDP_CERT: 'cert',
    SAML_IDP_SSO_URL: 'https://idp.example.org/sso',
    SAML_IDP_ISSUER: 'https://idp.example.org/metadata',
    PUBLIC_URL: 'https://connect.example.org',
    TRUST_PROXY: '1',
  });

/** A bare app with the production session settings behind a TLS-terminating proxy. */
function productionSessionApp() {
  const config = productionConfig();
  const sessions = createSessions({ config, secret: config.SESSION_SECRET!, kv: memoryKeyValueStore(), clock: systemClock, logger: createLogger('silent') });
  const app = express();
  app.set('trust proxy', 1);
  app.use(sessions.middleware);
  app.post('/sign-in', async (req, res) => {
    await sessions.establish(req, { id: '65a000000000000000000001' } as MemberDoc);
    res.status(204).end();
  });
  return app;
}

describe('the production session cookie', () => {
  it('is __Host- prefixed, Secure, HttpOnly and SameSite=Lax', async () => {
    const res = await supertest(productionSessionApp()).post('/sign-in').set('X-Forwarded-Proto', 'https').expect(204);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0];
    assert.match(cookie, /^__Host-tfc\.sid=/);
    assert.match(cookie, /; Secure/);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Lax/);
    assert.match(cookie, /; Path=\//);
    assert.doesNotMatch(cookie, /Domain=/i);
  });

  it('is never sent over plain http in production', async () => {
    const res = await supertest(productionSessionApp()).post('/sign-in').set('X-Forwarded-Proto', 'http').expect(204);
    assert.equal(res.headers['set-cookie'], undefined);
  });
});
