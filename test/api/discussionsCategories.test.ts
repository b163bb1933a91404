import assert from 'node:assert/strict';
import { AuditEntry } from '../../server/db/models/AuditEntry.js';
import { Thread } from '../../server/db/models/Thread.js';
import type { CategoryDto, ThreadDto } from '../../shared/dto/discussion.js';
import { reply, startThread, useDiscussionApp, write, type Persona } from './discussionsSupport.js';

const personas = ['member-a', 'member-b', 'coordinator-a', 'moderator', 'admin'] as const;

describe('discussions: categories and thread lists', () => {
  const { as, categories } = useDiscussionApp(personas);

  const slugsFor = async (p: Persona) => ((await p.agent.get('/api/categories').expect(200)).body.items as CategoryDto[]).map((c) => c.slug);

  it('lists open categories in order and only the own task force’s private space when a member asks', async () => {
    const a = await slugsFor(as['member-a']);
    assert.deepEqual(a.slice(0, 6), ['labor-trafficking', 'sex-trafficking', 'victim-services', 'prosecution', 'investigations-technology', 'task-force-operations']);
    assert.ok(a.includes('private-demo-a'));
    assert.ok(!a.includes('private-demo-b'));
    const b = await slugsFor(as['member-b']);
    assert.ok(b.includes('private-demo-b') && !b.includes('private-demo-a'));
  });

  it('lists every private space when a moderator or an admin asks', async () => {
    for (const p of [as.moderator, as.admin]) {
      const slugs = await slugsFor(p);
      assert.ok(slugs.includes('private-demo-a') && slugs.includes('private-demo-b'), p.name);
    }
  });

  it('sends abilities with each category, moderation only where the viewer moderates', async () => {
    const items = (await as['coordinator-a'].agent.get('/api/categories').expect(200)).body.items as CategoryDto[];
    const bySlug = Object.fromEntries(items.map((c) => [c.slug, c]));
    assert.equal(bySlug['private-demo-a'].abilities.canModerate, true);
    assert.equal(bySlug['prosecution'].abilities.canModerate, false);
    assert.equal(bySlug['prosecution'].abilities.canCreateThread, true);
    assert.equal(bySlug['prosecution'].abilities.canEdit, false);
  });

  it('creates a category and audits it when an admin asks', async () => {
    const slug = `test-${Date.now().toString(36)}`;
    const res = await write(as.admin, 'post', '/api/categories', { slug, name: 'Test category', visibility: 'open', order: 50 }).expect(201);
    assert.equal(res.body.category.slug, slug);
    assert.equal(res.body.category.taskForceId, null);
    assert.ok(await AuditEntry.exists({ action: 'category.created', target: `category:${res.body.category.id}` }));
    assert.ok((await slugsFor(as['member-b'])).includes(slug));
    await write(as.admin, 'post', '/api/categories', { slug, name: 'Same slug', visibility: 'open' }).expect(409);
  });

  it('creates a private category visible only to its task force when an admin names one', async () => {
    const slug = `private-test-${Date.now().toString(36)}`;
    await write(as.admin, 'post', '/api/categories', { slug, name: 'A working group', visibility: 'private', taskForceId: as['member-a'].taskForceId }).expect(201);
    assert.ok((await slugsFor(as['member-a'])).includes(slug));
    assert.ok(!(await slugsFor(as['member-b'])).includes(slug));
  });

  it('refuses category creation when the caller is not an admin', async () => {
    for (const p of [as['member-a'], as['coordinator-a'], as.moderator]) {
      const res = await write(p, 'post', '/api/categories', { slug: 'not-allowed', name: 'Nope', visibility: 'open' });
      assert.equal(res.status, 403, p.name);
    }
  });

  it('refuses a category when visibility and task force disagree or the task force is unknown', async () => {
    await write(as.admin, 'post', '/api/categories', { slug: 'bad-one', name: 'Bad', visibility: 'private' }).expect(400);
    await write(as.admin, 'post', '/api/categories', { slug: 'bad-two', name: 'Bad', visibility: 'open', taskForceId: as['member-a'].taskForceId }).expect(400);
    await write(as.admin, 'post', '/api/categories', { slug: 'bad-three', name: 'Bad', visibility: 'private', taskForceId: 'c'.repeat(24) }).expect(400);
  });

  it('lists pinned threads first, then by last activity, with reply counts', async () => {
    const cat = categories['investigations-technology'].id;
    await Thread.deleteMany({ category: cat });
    const old = await startThread(as['member-a'], cat);
    const pinned = await startThread(as['member-a'], cat);
    const recent = await startThread(as['member-b'], cat);
    await write(as.moderator, 'patch', `/api/threads/${pinned.thread.id}`, { pinned: true }).expect(200);
    await reply(as['member-b'], old.thread.id, 'bump');
    await reply(as['member-a'], old.thread.id, 'bump again');
    const items = (await as['member-a'].agent.get(`/api/categories/${cat}/threads`).expect(200)).body.items as ThreadDto[];
    assert.deepEqual(items.map((t) => t.id), [pinned.thread.id, old.thread.id, recent.thread.id]);
    assert.deepEqual(items.map((t) => t.replyCount), [0, 2, 0]);
  });

  it('pages through a category with an opaque cursor without repeating or skipping threads', async () => {
    const cat = categories['task-force-operations'].id;
    await Thread.deleteMany({ category: cat });
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await startThread(as['member-a'], cat)).thread.id);
    await write(as.moderator, 'patch', `/api/threads/${made[1]}`, { pinned: true }).expect(200);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: ThreadDto[]; nextCursor: string | null } } = await as['member-a'].agent.get(`/api/categories/${cat}/threads`).query(cursor ? { limit: 2, cursor } : { limit: 2 }).expect(200);
      seen.push(...res.body.items.map((t) => t.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.deepEqual(seen, [made[1], made[4], made[3], made[2], made[0]]);
  });

  it('answers 400 when the limit or cursor is not valid', async () => {
    const cat = categories['task-force-operations'].id;
    for (const query of [{ limit: 0 }, { limit: 101 }, { limit: 'ten' }, { cursor: 'not-a-cursor' }, { cursor: Buffer.from('{"p":true}').toString('base64url') }, { other: 1 }]) {
      const res = await as['member-a'].agent.get(`/api/categories/${cat}/threads`).query(query);
      assert.equal(res.status, 400, JSON.stringify(query));
    }
  });

  it('answers 404 when the category does not exist', async () => {
    await as['member-a'].agent.get(`/api/categories/${'d'.repeat(24)}/threads`).expect(404);
  });
});
