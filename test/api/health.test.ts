import assert from 'node:assert/strict';
import supertest from 'supertest';
import { startTestApp, type TestApp } from '../support/app.js';

describe('operations endpoints', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('answers /healthz with ok while the process runs', async () => {
    const res = await supertest(app.baseUrl).get('/healthz').expect(200);
    assert.deepEqual(res.body, { status: 'ok' });
  });

  it('answers /readyz 200 when the database and Redis answer', async () => {
    const res = await supertest(app.baseUrl).get('/readyz').expect(200);
    assert.deepEqual(res.body.checks, { database: 'up', redis: 'up' });
  });

  it('answers /readyz 503 naming Redis when Redis is down', async () => {
    const down = await startTestApp({ REDIS_URL: process.env.TEST_REDIS_URL! });
    try {
      closeRedisOf(down);
      const res = await supertest(down.baseUrl).get('/readyz').expect(503);
      assert.deepEqual(res.body.down, ['redis']);
      assert.equal(res.body.status, 'unavailable');
    } finally {
      await down.close();
    }
  });

  it('serves Prometheus metrics including request durations', async () => {
    await supertest(app.baseUrl).get('/healthz');
    const res = await supertest(app.baseUrl).get('/metrics').expect(200);
    assert.match(res.headers['content-type'], /text\/plain/);
    assert.match(res.text, /http_request_duration_seconds_bucket/);
    assert.match(res.text, /process_resident_memory_bytes/);
  });

  it('sends a request id on every response and keeps a sane incoming one', async () => {
    const res = await supertest(app.baseUrl).get('/healthz').set('X-Request-Id', 'lb-1234');
    assert.equal(res.headers['x-request-id'], 'lb-1234');
    const other = await supertest(app.baseUrl).get('/healthz').set('X-Request-Id', '<script>');
    assert.notEqual(other.headers['x-request-id'], '<script>');
    assert.match(other.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  });
});

function closeRedisOf(app: TestApp): void {
  const { redis } = app.running;
  assert.ok(redis, 'the test app should have a Redis client');
  redis.destroy();
}
