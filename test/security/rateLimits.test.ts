import assert from 'node:assert/strict';
import supertest from 'supertest';
import { startTestApp, type TestApp } from '../support/app.js';

describe('sign-in rate limits', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '3' });
  });
  after(() => app.close());

  it('answers 429 with Retry-After in the error shape when the login start is hammered', async () => {
    for (let i = 0; i < 3; i++) await supertest(app.baseUrl).get('/auth/saml/login').expect(302);
    const res = await supertest(app.baseUrl).get('/auth/saml/login').expect(429);
    assert.equal(res.body.error.code, 'rate_limited');
    const retryAfter = Number(res.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${res.headers['retry-after']}`);
  });

  it('limits the ACS separately and never answers it with a 5xx', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await supertest(app.baseUrl).post('/auth/saml/acs').type('form').send({ SAMLResponse: 'bm90IHNhbWw=' })).status);
    assert.deepEqual(statuses.slice(0, 3).map((s) => s >= 400 && s < 500), [true, true, true]);
    assert.equal(statuses[3], 429);
  });

  it('shares the count across app instances through Redis', async () => {
    const second = await startTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '3', REDIS_PREFIX: app.config.REDIS_PREFIX });
    try {
      // The first instance already used this window's allowance for the login start.
      await supertest(second.baseUrl).get('/auth/saml/login').expect(429);
    } finally {
      await second.close();
    }
  });
});
