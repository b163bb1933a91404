import assert from 'node:assert/strict';
import { Member } from '../../server/db/models/Member.js';
import { assignHandle, handleBaseOf } from '../../server/domain/members/assignHandle.js';
import { TaskForce } from '../../server/db/models/TaskForce.js';
import type { MemberLookupItemDto } from '../../shared/dto/memberDirectory.js';
import { limits } from '../../shared/limits.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { signInAll, type Persona } from './discussionsSupport.js';

const lookup = async (p: Persona, query: Record<string, string | number>) =>
  (await p.agent.get('/api/members').query(query).expect(200)).body as { items: MemberLookupItemDto[]; nextCursor: null };

describe('members: lookup for mentions, and handles', () => {
  let app: TestApp;
  let as: Record<'member-a' | 'member-b' | 'moderator', Persona>;
  before(async () => {
    app = await startTestApp();
    as = await signInAll(app, ['member-a', 'member-b', 'moderator'] as const);
  });
  after(() => app.close());

  it('finds an active member by a handle or name prefix, any case, without their email', async () => {
    for (const q of ['blair', 'BLA', 'Chen', '@blair.c']) {
      const page = await lookup(as['member-a'], { q });
      const found = page.items.find((m) => m.id === as['member-b'].id);
      assert.ok(found, q);
      assert.equal(found.displayName, 'Blair Chen');
      assert.match(found.handle, /^blair\.chen\d*$/);
      assert.equal(found.taskForceName, 'Demo Task Force B');
      assert.deepEqual(Object.keys(found).sort(), ['discipline', 'displayName', 'handle', 'id', 'taskForceName']);
      assert.equal(page.nextCursor, null);
    }
    assert.ok(!JSON.stringify(await lookup(as['member-a'], { q: 'b' })).includes('@demo.taskforce.test'));
  });

  it('shows handles on authors, so a reader can mention them', async () => {
    const page = await lookup(as['member-b'], { q: 'alex' });
    const handle = page.items.find((m) => m.id === as['member-a'].id)?.handle;
    const categories = (await as['member-a'].agent.get('/api/categories').expect(200)).body.items as { id: string; slug: string }[];
    const created = await as['member-a'].agent
      .post('/api/threads')
      .set('X-CSRF-Token', as['member-a'].csrf)
      .send({ categoryId: categories.find((c) => c.slug === 'prosecution')!.id, title: 'Handle check', body: 'x' })
      .expect(201);
    assert.equal(created.body.thread.author.handle, handle);
  });

  it('leaves out members who are not active', async () => {
    const taskForce = await TaskForce.findOne({ code: 'DEMO-B' });
    const pending = await assignHandle(await Member.create({ nameId: `lookup-pending-${Date.now()}`, email: 'zz-pending@example.test', givenName: 'Zephyrine', surname: 'Pending', taskForce: taskForce!._id, status: 'pending' }));
    assert.ok(pending.handle);
    assert.deepEqual((await lookup(as['member-a'], { q: 'zephyrine' })).items, []);
  });

  it('treats regex characters as text and caps the limit', async () => {
    for (const q of ['.*', '^', '(', '[a-z]', '\\', 'a|b', '$where']) {
      const page = await lookup(as['member-a'], { q });
      assert.ok(page.items.every((m) => m.handle.startsWith(q.toLowerCase()) || m.displayName.toLowerCase().startsWith(q.toLowerCase())), q);
    }
    assert.ok((await lookup(as['member-a'], { q: '' })).items.length <= 8);
    for (const query of [{ limit: 21 }, { limit: 0 }, { q: 'x'.repeat(80) }, { 'q[$ne]': 'x' }, { other: 1 }]) {
      const res = await as['member-a'].agent.get('/api/members').query(query);
      assert.equal(res.status, 400, JSON.stringify(query));
    }
  });

  it('derives handles from names or the email, and numbers them on collision', async () => {
    assert.equal(handleBaseOf({ givenName: 'Zoë', surname: "O'Brien", email: 'z@x.test' }), 'zoe.obrien');
    assert.equal(handleBaseOf({ givenName: '', surname: '', email: 'Jo.Smith+tf@x.test' }), 'jo.smith.tf');
    assert.equal(handleBaseOf({ givenName: '李', surname: '', email: '@x.test' }), 'member');
    assert.ok(handleBaseOf({ givenName: 'a'.repeat(100), surname: '', email: 'x@x.test' }).length <= limits.mentionHandle.max);
    const taskForce = await TaskForce.findOne({ code: 'DEMO-A' });
    const stamp = Date.now().toString(36);
    const twins = await Promise.all(
      [1, 2, 3].map((i) => Member.create({ nameId: `twin-${stamp}-${i}`, email: `twin${i}@example.test`, givenName: 'Twin', surname: `Handle${stamp}`, taskForce: taskForce!._id, status: 'active' })),
    );
    const handles = (await Promise.all(twins.map((m) => assignHandle(m)))).map((m) => m.handle);
    const base = `twin.handle${stamp}`;
    assert.deepEqual([...handles].sort(), [base, `${base}2`, `${base}3`]);
  });
});
