import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/app.js';
import { signInAs } from '../support/saml.js';

describe('time between posts', () => {
  let app: TestApp;
  let agent: ReturnType<TestApp['agent']>;
  let csrf: string;
  let categoryId: string;
  let threadId: string;
  before(async () => {
    app = await startTestApp({ POST_INTERVAL_SECONDS: '5', THREAD_INTERVAL_SECONDS: '15' });
    agent = app.agent();
    await signInAs(agent, 'member-a');
    csrf = (await agent.get('/api/me')).body.csrfToken;
    categoryId = ((await agent.get('/api/categories')).body.items as { id: string; slug: string }[]).find((c) => c.slug === 'prosecution')!.id;
  });
  after(() => app.close());

  const newThread = (title: string) => agent.post('/api/threads').set('X-CSRF-Token', csrf).send({ categoryId, title, body: 'Opening post' });

  it('answers a second thread within 15 s with 429 and Retry-After', async () => {
    const first = await newThread('Charging decisions in labor cases').expect(201);
    threadId = first.body.thread.id;
    const second = await newThread('Another thread right away').expect(429);
    assert.equal(second.body.error.code, 'rate_limited');
    const retryAfter = Number(second.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 15, `Retry-After ${second.headers['retry-after']}`);
    // The limit is per member: another member may still post.
    const other = app.agent();
    await signInAs(other, 'member-b');
    const otherCsrf = (await other.get('/api/me')).body.csrfToken;
    await other.post(`/api/threads/${first.body.thread.id}/posts`).set('X-CSRF-Token', otherCsrf).send({ body: 'Replying from task force B' }).expect(201);
  });

  it('answers a second reply within 5 s with 429, but does not count a refused one', async () => {
    const reply = (body: string, extra: object = {}) => agent.post(`/api/threads/${threadId}/posts`).set('X-CSRF-Token', csrf).send({ body, ...extra });
    await reply('Call me at 555-212-4477').expect(422);
    await reply('Call me at 555-212-4477', { acknowledgePii: true }).expect(201);
    const limited = await reply('And one more thing').expect(429);
    assert.equal(limited.body.error.code, 'rate_limited');
  });
});
