import assert from 'node:assert/strict';
import supertest from 'supertest';
import { startTestApp, type TestApp } from '../support/app.js';

describe('security headers and error shape', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('sends a strict CSP without inline script and forbids framing', async () => {
    const res = await supertest(app.baseUrl).get('/').expect(200);
    const csp = res.headers['content-security-policy'];
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-powered-by'], undefined);
  });

  it('serves the client for app routes but never for unknown API routes', async () => {
    const page = await supertest(app.baseUrl).get('/discussions/some/deep/link').expect(200);
    assert.match(page.headers['content-type'], /text\/html/);
    const api = await supertest(app.baseUrl).get('/api/no-such-thing').expect(401);
    assert.equal(api.body.error.code, 'unauthenticated');
  });

  it('answers 401 in the contract shape without a session', async () => {
    const res = await supertest(app.baseUrl).get('/api/me').expect(401);
    assert.deepEqual(Object.keys(res.body), ['error']);
    assert.equal(res.body.error.code, 'unauthenticated');
    assert.equal(typeof res.body.error.message, 'string');
    assert.ok(Array.isArray(res.body.error.details));
  });

  it('refuses a cross-site POST before anything else', async () => {
    const res = await supertest(app.baseUrl).post('/api/me').set('Origin', 'https://evil.example').send({});
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'csrf');
    const fetchSite = await supertest(app.baseUrl).post('/auth/logout').set('Sec-Fetch-Site', 'cross-site');
    assert.equal(fetchSite.status, 403);
  });
});
