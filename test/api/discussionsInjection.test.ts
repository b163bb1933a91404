import assert from 'node:assert/strict';
import type { Response } from 'supertest';
import { Category } from '../../server/db/models/Category.js';
import { Post } from '../../server/db/models/Post.js';
import { Thread } from '../../server/db/models/Thread.js';
import type { ThreadDetailResponse } from '../../shared/dto/discussion.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { categoriesBySlug, signInAll, startThread, write, type Persona } from './discussionsSupport.js';

const operators: unknown[] = [{ $gt: '' }, { $ne: null }, { $where: 'sleep(200) || true' }, { $regex: '.*' }, { $in: ['x'] }, ['array'], 42, null, true];
const malformedIds = ['123', 'z'.repeat(24), 'a'.repeat(25), '%24ne', '%7B%22%24gt%22%3A%22%22%7D', 'null', '[object Object]', '..%2F..%2Fadmin'];

/** Refused as the client's fault, and carrying nothing but the error. */
function assertRefused(res: Response, label: string): void {
  assert.ok(res.status >= 400 && res.status < 500, `${label}: expected a 4xx, got ${res.status} ${res.text.slice(0, 200)}`);
  assert.deepEqual(Object.keys(res.body), ['error'], label);
}

describe('discussions: NoSQL injection and malformed input', () => {
  let app: TestApp;
  let as: Record<'member-b' | 'admin', Persona>;
  let categoryId: string;
  let target: ThreadDetailResponse;
  let counts: () => Promise<number[]>;
  before(async () => {
    app = await startTestApp();
    as = await signInAll(app, ['member-b', 'admin'] as const);
    categoryId = (await categoriesBySlug(as.admin))['labor-trafficking'].id;
    target = await startThread(as.admin, categoryId);
    counts = async () => [await Thread.countDocuments(), await Post.countDocuments(), await Category.countDocuments()];
  });
  after(() => app.close());

  it('refuses malformed ids in every id path parameter', async () => {
    const p = as['member-b'];
    for (const id of malformedIds) {
      assertRefused(await p.agent.get(`/api/threads/${id}`), `GET thread ${id}`);
      assertRefused(await p.agent.get(`/api/categories/${id}/threads`), `GET threads ${id}`);
      assertRefused(await write(p, 'patch', `/api/threads/${id}`, { title: 'Some title' }), `PATCH thread ${id}`);
      assertRefused(await write(p, 'post', `/api/threads/${id}/posts`, { body: 'x' }), `POST post ${id}`);
      assertRefused(await write(p, 'patch', `/api/posts/${id}`, { body: 'x' }), `PATCH post ${id}`);
      assertRefused(await write(p, 'delete', `/api/posts/${id}`), `DELETE post ${id}`);
      assertRefused(await write(p, 'post', `/api/posts/${id}/reactions`, { reaction: 'like' }), `react ${id}`);
    }
  });

  it('refuses operator objects, arrays and wrong types in every body field without storing anything', async () => {
    const before = await counts();
    const p = as['member-b'];
    const threadId = target.thread.id;
    const postId = target.posts[0].id;
    for (const bad of operators) {
      const label = JSON.stringify(bad);
      assertRefused(await write(p, 'post', '/api/threads', { categoryId: bad, title: 'Valid title', body: 'x' }), `categoryId ${label}`);
      assertRefused(await write(p, 'post', '/api/threads', { categoryId, title: bad, body: 'x' }), `title ${label}`);
      assertRefused(await write(p, 'post', '/api/threads', { categoryId, title: 'Valid title', body: bad }), `body ${label}`);
      assertRefused(await write(p, 'post', `/api/threads/${threadId}/posts`, { body: bad }), `reply body ${label}`);
      assertRefused(await write(p, 'post', `/api/threads/${threadId}/posts`, { body: 'x', parentId: bad }), `parentId ${label}`);
      assertRefused(await write(as.admin, 'patch', `/api/threads/${threadId}`, { categoryId: bad }), `move ${label}`);
      assertRefused(await write(as.admin, 'patch', `/api/threads/${threadId}`, { pinned: typeof bad === 'boolean' ? 'yes' : bad }), `pinned ${label}`);
      assertRefused(await write(as.admin, 'patch', `/api/threads/${threadId}`, { locked: typeof bad === 'boolean' ? 'yes' : bad }), `locked ${label}`);
      assertRefused(await write(as.admin, 'patch', `/api/posts/${postId}`, { body: bad }), `edit ${label}`);
      assertRefused(await write(p, 'post', `/api/posts/${postId}/reactions`, { reaction: bad }), `reaction ${label}`);
      for (const field of ['slug', 'name', 'description', 'order', 'visibility', 'taskForceId']) {
        const category = { slug: 'injected', name: 'Injected', visibility: 'open', [field]: bad };
        const res = await write(as.admin, 'post', '/api/categories', category);
        // A null taskForceId (open category) and a numeric order are legitimate; every other case must be refused.
        if ((field === 'taskForceId' && bad === null) || (field === 'order' && bad === 42)) assert.equal(res.status, 201, label);
        else assertRefused(res, `category ${field} ${label}`);
        if (res.status === 201) await Category.deleteOne({ slug: 'injected' });
      }
    }
    assert.deepEqual(await counts(), before);
  });

  it('refuses __proto__ and constructor keys in JSON bodies', async () => {
    const before = await counts();
    const bodies = [
      `{"categoryId":"${categoryId}","title":"Valid title","body":"x","__proto__":{"role":"admin"}}`,
      `{"__proto__":{"categoryId":"${categoryId}","title":"Valid title","body":"x"}}`,
      `{"categoryId":"${categoryId}","title":"Valid title","body":"x","constructor":{"prototype":{"role":"admin"}}}`,
    ];
    for (const raw of bodies) {
      const res = await as['member-b'].agent.post('/api/threads').set('X-CSRF-Token', as['member-b'].csrf).set('Content-Type', 'application/json').send(raw);
      assertRefused(res, raw);
    }
    const reaction = await as['member-b'].agent
      .post(`/api/posts/${target.posts[0].id}/reactions`)
      .set('X-CSRF-Token', as['member-b'].csrf)
      .set('Content-Type', 'application/json')
      .send('{"reaction":"like","__proto__":{"reaction":"angry"}}');
    assertRefused(reaction, 'reaction __proto__');
    assert.deepEqual(await counts(), before);
    assert.equal(({} as Record<string, unknown>).role, undefined);
  });

  it('refuses operator keys and forged cursors in the thread list query', async () => {
    const fields = { p: true, t: Date.now(), id: 'f'.repeat(24) };
    const forged = (patch: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...fields, ...patch })).toString('base64url');
    for (const query of [
      'limit[$gt]=0',
      'cursor[$ne]=x',
      'limit=1&limit=2',
      `cursor=${forged({ t: { $gt: 0 } })}`,
      `cursor=${forged({ id: { $ne: null } })}`,
      `cursor=${forged({ p: { $exists: true } })}`,
      `cursor=${forged({ __proto__: { polluted: 1 }, extra: 1 })}`,
    ]) {
      assertRefused(await as['member-b'].agent.get(`/api/categories/${categoryId}/threads?${query}`), query);
    }
  });
});
