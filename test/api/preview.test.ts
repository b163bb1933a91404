import assert from 'node:assert/strict';
import { Post } from '../../server/db/models/Post.js';
import type { PreviewResponse } from '../../shared/dto/discussion.js';
import { limits } from '../../shared/limits.js';
import { findExecutable } from '../fixtures/xss/findExecutable.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { signInAll, write, type Persona } from './discussionsSupport.js';

describe('preview: the composer’s Markdown preview', () => {
  let app: TestApp;
  let as: Record<'member-a' | 'coordinator-b', Persona>;
  before(async () => {
    app = await startTestApp();
    as = await signInAll(app, ['member-a', 'coordinator-b'] as const);
  });
  after(() => app.close());

  const preview = (p: Persona, body: unknown) => write(p, 'post', '/api/preview', body);

  it('renders Markdown through the sanitizer, so a script comes back inert', async () => {
    const body = '**bold** <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> [ok](https://example.org)';
    const res = await preview(as['member-a'], { body });
    assert.equal(res.status, 200, res.text);
    const { bodyHtml, pii } = res.body as PreviewResponse;
    assert.deepEqual(Object.keys(res.body).sort(), ['bodyHtml', 'pii']);
    assert.match(bodyHtml, /<strong>bold<\/strong>/);
    assert.match(bodyHtml, /<a href="https:\/\/example.org" rel="noopener nofollow ugc">ok<\/a>/);
    assert.deepEqual(findExecutable(bodyHtml), []);
    assert.doesNotMatch(bodyHtml, /<script|<img|href="javascript/i);
    assert.deepEqual(pii, []);
  });

  it('lists PII spans as offsets into the body, without the text', async () => {
    const body = 'Call her at 614-555-0142 or write jane.doe@example.com about room 204.';
    const { pii } = (await preview(as['member-a'], { body }).expect(200)).body as PreviewResponse;
    assert.deepEqual(pii.map((m) => m.kind), ['phone', 'email']);
    assert.equal(body.slice(pii[0].start, pii[0].end), '614-555-0142');
    assert.equal(body.slice(pii[1].start, pii[1].end), 'jane.doe@example.com');
    for (const m of pii) assert.deepEqual(Object.keys(m).sort(), ['end', 'kind', 'start']);
  });

  it('stores nothing', async () => {
    const before = await Post.countDocuments();
    await preview(as['member-a'], { body: 'Just looking' }).expect(200);
    assert.equal(await Post.countDocuments(), before);
  });

  it('applies the post body limits and refuses other shapes with 400', async () => {
    for (const body of [{}, { body: '' }, { body: '   ' }, { body: 'x'.repeat(limits.postBody.max + 1) }, { body: { $gt: '' } }, { body: ['a'] }, { body: 'ok', extra: 1 }]) {
      const res = await preview(as['member-a'], body);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 60));
    }
    await preview(as['member-a'], { body: 'x'.repeat(limits.postBody.max) }).expect(200);
  });

  it('needs the CSRF token and a signed-in member', async () => {
    assert.equal((await as['member-a'].agent.post('/api/preview').send({ body: 'hi' })).status, 403);
    assert.equal((await app.agent().post('/api/preview').send({ body: 'hi' })).status, 401);
  });

  it('answers 429 with Retry-After past 60 previews a minute for one member', async () => {
    const p = as['coordinator-b'];
    for (let i = 0; i < 60; i++) assert.equal((await preview(p, { body: `draft ${i}` })).status, 200, `preview ${i}`);
    const limited = await preview(p, { body: 'one more' });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
    await preview(as['member-a'], { body: 'another member is unaffected' }).expect(200);
  });
});
