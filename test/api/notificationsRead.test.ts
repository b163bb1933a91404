import assert from 'node:assert/strict';
import { startThread, useDiscussionApp, write } from './discussionsSupport.js';
import { handleOf, notificationsAbout, notificationsOf } from './notificationsSupport.js';

const personas = ['member-a', 'member-b', 'moderator'] as const;

describe('notifications: reading them', () => {
  const { as, categories } = useDiscussionApp(personas);
  let memberB: string;
  /** Three fresh mentions of member-b, oldest first. */
  const mentionThree = async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { thread } = await startThread(as['member-a'], categories['task-force-operations'].id, undefined, `Item ${i} for @${memberB}`);
      ids.push((await notificationsAbout(as['member-b'], thread.id))[0].id);
    }
    return ids;
  };
  before(async () => {
    memberB = await handleOf(as['member-a'], as['member-b'], 'blair');
  });

  it('lists newest first, pages with a cursor, and filters unread ones', async () => {
    const ids = await mentionThree();
    const first = (await as['member-b'].agent.get('/api/notifications').query({ limit: 2 }).expect(200)).body;
    assert.deepEqual(first.items.map((n: { id: string }) => n.id), [ids[2], ids[1]]);
    assert.ok(first.nextCursor);
    const second = (await as['member-b'].agent.get('/api/notifications').query({ limit: 2, cursor: first.nextCursor }).expect(200)).body;
    assert.equal(second.items[0].id, ids[0]);
    await write(as['member-b'], 'post', '/api/notifications/read', { ids: [ids[1]] }).expect(200);
    const unread = await notificationsOf(as['member-b'], { unread: 'true' });
    assert.ok(unread.items.every((n) => !n.read));
    assert.ok(!unread.items.some((n) => n.id === ids[1]));
  });

  it('marks one notification read, then all', async () => {
    const ids = await mentionThree();
    const before = (await notificationsOf(as['member-b'])).unreadCount;
    const one = await write(as['member-b'], 'post', '/api/notifications/read', { ids: [ids[0]] }).expect(200);
    assert.deepEqual(one.body, { unreadCount: before - 1 });
    const listedAfter = await notificationsOf(as['member-b']);
    assert.equal(listedAfter.items.find((n) => n.id === ids[0])?.read, true);
    assert.equal(listedAfter.items.find((n) => n.id === ids[1])?.read, false);
    const all = await write(as['member-b'], 'post', '/api/notifications/read', { all: true }).expect(200);
    assert.deepEqual(all.body, { unreadCount: 0 });
    assert.equal((await notificationsOf(as['member-b'], { unread: 'true' })).items.length, 0);
  });

  it('never touches someone else’s notification, and answers as if the id matched nothing', async () => {
    const [theirs] = await mentionThree();
    const res = await write(as['member-a'], 'post', '/api/notifications/read', { ids: [theirs] });
    assert.equal(res.status, 200);
    assert.equal((await notificationsOf(as['member-b'])).items.find((n) => n.id === theirs)?.read, false);
    assert.ok(!(await notificationsOf(as['member-a'])).items.some((n) => n.id === theirs), 'not in anyone else’s list');
  });

  it('refuses injection shapes and malformed input with a 4xx, never a 500', async () => {
    const b = as['member-b'];
    const bodies: unknown[] = [
      { ids: { $ne: null } },
      { ids: [{ $ne: null }] },
      { ids: ['123'] },
      { ids: [] },
      { all: 'true' },
      { all: false },
      { all: true, ids: ['a'.repeat(24)] },
      { $where: '1' },
      JSON.parse('{"__proto__":{"all":true}}'),
      JSON.parse('{"ids":["aaaaaaaaaaaaaaaaaaaaaaaa"],"__proto__":{"x":1}}'),
      {},
      [],
    ];
    for (const body of bodies) {
      const res = await write(b, 'post', '/api/notifications/read', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.deepEqual(Object.keys(res.body), ['error']);
    }
    for (const query of [{ cursor: '123' }, { cursor: '[object Object]' }, { limit: '0' }, { limit: '1000' }, { unread: 'yes' }, { 'cursor[$ne]': 'x' }, { other: '1' }]) {
      const res = await b.agent.get('/api/notifications').query(query);
      assert.equal(res.status, 400, JSON.stringify(query));
    }
  });
});
