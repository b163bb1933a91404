import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { reply, startThread, useDiscussionApp, write } from './discussionsSupport.js';
import { listed, unwatch, watch } from './notificationsSupport.js';

const personas = ['member-a', 'member-b', 'coordinator-b', 'moderator'] as const;

describe('discussions: watching and unread counts', () => {
  const { as, categories } = useDiscussionApp(personas);

  it('makes the author watch a thread they start, with nothing unread', async () => {
    const created = await startThread(as['member-a'], categories['victim-services'].id);
    assert.equal(created.thread.watching, true);
    assert.equal(created.thread.unreadCount, 0);
    const inList = await listed(as['member-a'], categories['victim-services'].id, created.thread.id);
    assert.deepEqual([inList.watching, inList.unreadCount], [true, 0]);
  });

  it('watches and unwatches on request, and says so in the thread and the list', async () => {
    const { thread } = await startThread(as['member-a'], categories['prosecution'].id);
    const b = as['member-b'];
    assert.deepEqual((await watch(b, thread.id).expect(200)).body, { watching: true });
    assert.equal((await b.agent.get(`/api/threads/${thread.id}`).expect(200)).body.thread.watching, true);
    assert.deepEqual((await unwatch(b, thread.id).expect(200)).body, { watching: false });
    assert.equal((await listed(b, categories['prosecution'].id, thread.id)).watching, false);
  });

  it('makes a member who replies watch the thread, unless they unwatched it before', async () => {
    const { thread } = await startThread(as['member-a'], categories['prosecution'].id);
    await reply(as['member-b'], thread.id);
    assert.equal((await listed(as['member-b'], categories['prosecution'].id, thread.id)).watching, true);

    const other = await startThread(as['member-a'], categories['prosecution'].id);
    await unwatch(as['member-b'], other.thread.id).expect(200);
    await reply(as['member-b'], other.thread.id);
    assert.equal((await listed(as['member-b'], categories['prosecution'].id, other.thread.id)).watching, false);
  });

  it('counts every post of a thread never opened, others’ new posts after a read, and never one’s own', async () => {
    const category = categories['labor-trafficking'].id;
    const { thread } = await startThread(as['member-a'], category);
    await reply(as['member-a'], thread.id, 'Second post by the author');
    assert.equal((await listed(as['member-b'], category, thread.id)).unreadCount, 2, 'never opened: all posts');
    assert.equal((await listed(as['member-a'], category, thread.id)).unreadCount, 0, 'own posts are read');

    await as['member-b'].agent.get(`/api/threads/${thread.id}`).expect(200);
    assert.equal((await listed(as['member-b'], category, thread.id)).unreadCount, 0, 'reset on read');

    await reply(as['member-a'], thread.id, 'Third');
    await reply(as['member-a'], thread.id, 'Fourth');
    assert.equal((await listed(as['member-b'], category, thread.id)).unreadCount, 2);
    await reply(as['member-b'], thread.id, 'My own reply');
    assert.equal((await listed(as['member-b'], category, thread.id)).unreadCount, 0, 'replying means having read');
    assert.equal((await listed(as['member-a'], category, thread.id)).unreadCount, 1, 'the author sees member-b’s reply as unread');
  });

  it('still counts a post that was removed after it arrived', async () => {
    const category = categories['labor-trafficking'].id;
    const { thread } = await startThread(as['member-a'], category);
    await as['member-b'].agent.get(`/api/threads/${thread.id}`).expect(200);
    const post = await reply(as['member-a'], thread.id, 'Soon removed');
    await write(as['member-a'], 'delete', `/api/posts/${post.id}`).expect(200);
    assert.equal((await listed(as['member-b'], category, thread.id)).unreadCount, 1);
  });

  it('loads read states for a whole page of threads at once', async () => {
    const category = categories['task-force-operations'].id;
    const threads = [];
    for (let i = 0; i < 3; i++) threads.push((await startThread(as['member-a'], category)).thread);
    await reply(as['member-a'], threads[1].id);
    await as['member-b'].agent.get(`/api/threads/${threads[2].id}`).expect(200);
    const queried: string[] = [];
    mongoose.set('debug', (collection: string) => void queried.push(collection));
    const page = await Promise.resolve(as['member-b'].agent.get(`/api/categories/${category}/threads`).query({ limit: 100 }).expect(200)).finally(() => mongoose.set('debug', false));
    assert.equal(queried.filter((c) => c === 'threadmemberships').length, 1, 'one query for the page’s read states');
    const unread = Object.fromEntries((page.body.items as { id: string; unreadCount: number }[]).map((t) => [t.id, t.unreadCount]));
    assert.deepEqual(threads.map((t) => unread[t.id]), [1, 2, 0]);
  });

  it('marks a thread read up to a given post number, or to the end, and never backwards', async () => {
    const category = categories['investigations-technology'].id;
    const { thread } = await startThread(as['member-a'], category);
    for (const body of ['two', 'three', 'four']) await reply(as['member-a'], thread.id, body);
    const b = as['member-b'];
    assert.deepEqual((await write(b, 'post', `/api/threads/${thread.id}/read`, { seq: 2 }).expect(200)).body, { unreadCount: 2, watching: false });
    assert.equal((await write(b, 'post', `/api/threads/${thread.id}/read`, { seq: 1 }).expect(200)).body.unreadCount, 2, 'never backwards');
    assert.equal((await write(b, 'post', `/api/threads/${thread.id}/read`, { seq: 999 }).expect(200)).body.unreadCount, 0, 'clamped to the latest');
    await reply(as['member-a'], thread.id, 'five');
    assert.equal((await write(b, 'post', `/api/threads/${thread.id}/read`, {}).expect(200)).body.unreadCount, 0);
  });

  it('answers 404 for watching or reading a private thread of another task force', async () => {
    const { thread } = await startThread(as['member-a'], categories['private-demo-a'].id);
    for (const p of [as['member-b'], as['coordinator-b']]) {
      assert.equal((await watch(p, thread.id)).status, 404);
      assert.equal((await unwatch(p, thread.id)).status, 404);
      assert.equal((await write(p, 'post', `/api/threads/${thread.id}/read`, {})).status, 404);
    }
    assert.equal((await watch(as.moderator, thread.id)).status, 200);
  });

  it('refuses injection shapes and malformed ids with a 4xx', async () => {
    const { thread } = await startThread(as['member-a'], categories['victim-services'].id);
    const b = as['member-b'];
    for (const id of ['123', 'z'.repeat(24), '%24ne', '[object Object]']) {
      for (const res of [await watch(b, id), await unwatch(b, id), await write(b, 'post', `/api/threads/${id}/read`, {})]) {
        assert.ok(res.status >= 400 && res.status < 500, `${id}: ${res.status}`);
      }
    }
    for (const body of [{ seq: { $gt: 0 } }, { seq: -1 }, { seq: '3' }, { seq: 1.5 }, { $where: '1' }, JSON.parse('{"__proto__":{"seq":1}}'), { seq: null }]) {
      const res = await write(b, 'post', `/api/threads/${thread.id}/read`, body);
      assert.equal(res.status, 400, JSON.stringify(body));
    }
  });
});
