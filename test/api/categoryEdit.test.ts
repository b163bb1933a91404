import assert from 'node:assert/strict';
import { AuditEntry } from '../../server/db/models/AuditEntry.js';
import { events } from '../../server/events/bus.js';
import type { CategoryDto } from '../../shared/dto/discussion.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { categoriesBySlug, signInAll, startThread, uniqueTitle, write, type Persona } from './discussionsSupport.js';

const personas = ['member-a', 'member-b', 'coordinator-a', 'moderator', 'admin'] as const;

describe('categories: editing', () => {
  let app: TestApp;
  let as: Record<(typeof personas)[number], Persona>;
  before(async () => {
    app = await startTestApp();
    as = await signInAll(app, personas);
  });
  after(() => app.close());

  const slugOf = (label: string) => uniqueTitle(label).toLowerCase().replace(/[^a-z0-9]+/g, '-');
  // Far after the seeded categories, so the suites that check the seeded order never see these.
  async function newCategory(overrides: Record<string, unknown> = {}): Promise<CategoryDto> {
    const res = await write(as.admin, 'post', '/api/categories', { slug: slugOf('edit me'), name: 'Edit me', visibility: 'open', order: 50_000, ...overrides });
    assert.equal(res.status, 201, res.text);
    return res.body.category as CategoryDto;
  }
  const edit = (p: Persona, id: string, body: unknown) => write(p, 'patch', `/api/categories/${id}`, body);

  it('lets an admin change name, description, order and slug, audited and published', async () => {
    const category = await newCategory();
    const published: string[] = [];
    const stop = events.subscribe('category.updated', ({ categoryId }) => void published.push(categoryId));
    const slug = slugOf('renamed');
    const res = await edit(as.admin, category.id, { name: 'Renamed', description: 'Now described', order: 50_042, slug });
    stop();
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      (({ name, description, order, slug: s, visibility }) => ({ name, description, order, slug: s, visibility }))(res.body.category as CategoryDto),
      { name: 'Renamed', description: 'Now described', order: 50_042, slug, visibility: 'open' },
    );
    const listed = (await categoriesBySlug(as['member-b']))[slug];
    assert.equal(listed?.name, 'Renamed');
    assert.deepEqual(published, [category.id]);
    const audit = await AuditEntry.findOne({ action: 'category.updated', target: `category:${category.id}` }).lean();
    assert.ok(audit);
    assert.deepEqual([...(audit.details as { changed: string[] }).changed].sort(), ['description', 'name', 'order', 'slug']);
  });

  it('answers 403 to everyone but admins, and changes nothing', async () => {
    const category = await newCategory();
    for (const p of [as['member-a'], as['coordinator-a'], as.moderator]) {
      const res = await edit(p, category.id, { name: 'Hijacked' });
      assert.equal(res.status, 403, p.name);
    }
    assert.equal((await edit(as['member-a'], 'f'.repeat(24), { name: 'Nothing' })).status, 403);
    assert.equal((await categoriesBySlug(as.admin))[category.slug].name, 'Edit me');
  });

  it('answers 409 when the new slug belongs to another category', async () => {
    const category = await newCategory();
    const res = await edit(as.admin, category.id, { slug: 'labor-trafficking' });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'conflict');
    await edit(as.admin, category.id, { slug: category.slug, name: 'Same slug is fine' }).expect(200);
  });

  it('answers 409 to a visibility change while the category has threads, and allows it once empty', async () => {
    const withThreads = await newCategory();
    await startThread(as['member-a'], withThreads.id);
    const res = await edit(as.admin, withThreads.id, { visibility: 'private', taskForceId: as['member-a'].taskForceId });
    assert.equal(res.status, 409);
    assert.match(res.body.error.message, /move its threads/i);
    assert.equal((await edit(as.admin, withThreads.id, { taskForceId: as['member-a'].taskForceId })).status, 400, 'an open category names no task force');
    await edit(as.admin, withThreads.id, { name: 'Still editable' }).expect(200);

    const empty = await newCategory();
    const moved = await edit(as.admin, empty.id, { visibility: 'private', taskForceId: as['member-a'].taskForceId });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(moved.body.category.taskForceId, as['member-a'].taskForceId);
    assert.ok(!(empty.slug in (await categoriesBySlug(as['member-b']))));
    assert.ok(empty.slug in (await categoriesBySlug(as['member-a'])));
    const reopened = await edit(as.admin, empty.id, { visibility: 'open' });
    assert.equal(reopened.body.category.taskForceId, null);
    assert.ok(empty.slug in (await categoriesBySlug(as['member-b'])));
  });

  it('answers 400 to malformed edits and 404 to an unknown category', async () => {
    const category = await newCategory();
    const bad = [{}, { name: '' }, { slug: 'Not A Slug' }, { order: -1 }, { visibility: 'secret' }, { visibility: 'private' }, { visibility: 'private', taskForceId: 'f'.repeat(24) }, { name: { $ne: null } }, { taskForce: null }, { __proto__: { name: 'x' } }];
    for (const body of bad) assert.equal((await edit(as.admin, category.id, body)).status, 400, JSON.stringify(body));
    assert.equal((await edit(as.admin, 'f'.repeat(24), { name: 'Ghost' })).status, 404);
    assert.equal((await edit(as.admin, 'not-an-id', { name: 'Ghost' })).status, 400);
  });
});
