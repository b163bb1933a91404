import assert from 'node:assert/strict';
import type { PostDto, ThreadDto } from '../../shared/dto/discussion.js';
import { categoriesBySlug, reply, startThread, write, type Persona } from '../api/discussionsSupport.js';
import { personaWithSocket } from '../api/notificationsSupport.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { io as connect } from 'socket.io-client';
import { signInAs } from '../support/saml.js';
import { connected, nextEvent, sessionCookieOf, threadRoomMembers, type TestSocket } from '../support/sockets.js';

type Live = Persona & { socket: TestSocket };

describe('live thread updates', () => {
  let app: TestApp;
  let a: Live;
  let b: Live;
  let moderator: Live;
  let categories: Awaited<ReturnType<typeof categoriesBySlug>>;
  const join = async (p: Live, threadId: string) => assert.deepEqual(await p.socket.timeout(3000).emitWithAck('thread:join', { threadId }), { ok: true });
  const roomMembers = (threadId: string) => threadRoomMembers(app.running.built.io, threadId);
  before(async () => {
    app = await startTestApp();
    [a, b, moderator] = [await personaWithSocket(app, 'member-a'), await personaWithSocket(app, 'member-b'), await personaWithSocket(app, 'moderator')];
    categories = await categoriesBySlug(moderator);
  });
  after(async () => {
    for (const p of [a, b, moderator]) p.socket.close();
    await app.close();
  });

  it('tells the room when a moderator pins or locks the thread, with abilities for each audience', async () => {
    const { thread } = await startThread(a, categories['labor-trafficking'].id);
    for (const p of [a, b, moderator]) await join(p, thread.id);

    const toB = nextEvent(b.socket, 'thread:updated', 1000);
    const toModerator = nextEvent(moderator.socket, 'thread:updated', 1000);
    await write(moderator, 'patch', `/api/threads/${thread.id}`, { pinned: true }).expect(200);
    const [seenByB, seenByModerator] = await Promise.all([toB, toModerator]);
    assert.equal(seenByB.id, thread.id);
    assert.equal(seenByB.pinned, true);
    assert.equal(seenByB.abilities.canModerate, false);
    assert.equal(seenByModerator.abilities.canModerate, true);
    assert.deepEqual([seenByB.unreadCount, seenByB.watching], [0, false]);

    const locked = nextEvent(a.socket, 'thread:updated', 1000);
    await write(moderator, 'patch', `/api/threads/${thread.id}`, { locked: true }).expect(200);
    assert.equal((await locked).locked, true);
  });

  it('removes member-b’s socket from the room when the thread moves into task force A’s private space', async () => {
    const { thread } = await startThread(a, categories['victim-services'].id);
    for (const p of [a, b, moderator]) await join(p, thread.id);
    assert.equal((await roomMembers(thread.id)).length, 3);

    const seenByB: (ThreadDto | PostDto)[] = [];
    const record = (payload: ThreadDto | PostDto) => seenByB.push(payload);
    b.socket.on('thread:updated', record);
    b.socket.on('post:created', record);
    const moveSeenByA = nextEvent(a.socket, 'thread:updated', 1000);
    await write(moderator, 'patch', `/api/threads/${thread.id}`, { categoryId: categories['private-demo-a'].id }).expect(200);
    assert.equal((await moveSeenByA).categoryId, categories['private-demo-a'].id);
    assert.ok(!(await roomMembers(thread.id)).includes(b.id), 'member-b left the room');

    const postSeenByA = nextEvent(a.socket, 'post:created', 1000);
    const created = await reply(a, thread.id, 'Now private to task force A');
    assert.equal((await postSeenByA).id, created.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    b.socket.off('thread:updated', record);
    b.socket.off('post:created', record);
    assert.deepEqual(seenByB, [], 'member-b received nothing about the moved thread');

    const rejoin = await b.socket.timeout(3000).emitWithAck('thread:join', { threadId: thread.id });
    assert.ok(!rejoin.ok && rejoin.error.code === 'not_found');
  });

  it('gives a session restored after a network drop nothing of a thread that moved out of its reach meanwhile', async () => {
    const { thread } = await startThread(a, categories['victim-services'].id);
    const cookie = sessionCookieOf(await signInAs(app.agent(), 'member-b'));
    const dropping = connect(app.baseUrl, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnectionDelay: 1000, reconnectionDelayMax: 1000, randomizationFactor: 0, extraHeaders: { cookie, origin: app.baseUrl } }) as TestSocket;
    try {
      await connected(dropping);
      assert.deepEqual(await dropping.timeout(3000).emitWithAck('thread:join', { threadId: thread.id }), { ok: true });
      const seen: string[] = [];
      dropping.on('post:created', (post) => seen.push(post.bodyHtml));
      dropping.on('thread:updated', (t) => seen.push(`moved to ${t.categoryId}`));
      const warmUp = nextEvent(dropping, 'post:created', 2000);
      await reply(a, thread.id, 'Before the drop');
      await warmUp;

      // `connect` (not the manager's `reconnect`): the socket knows it was recovered once the server answered.
      const reconnected = new Promise<void>((resolve) => dropping.once('connect', () => resolve()));
      dropping.io.engine.close(); // the network drops; connection-state recovery restores the session's rooms
      await write(moderator, 'patch', `/api/threads/${thread.id}`, { categoryId: categories['private-demo-a'].id }).expect(200);
      await reply(a, thread.id, 'Private to task force A while you were away');
      await reconnected;
      assert.equal(dropping.recovered, true, 'the session was restored, rooms included');
      await reply(a, thread.id, 'Still private to task force A');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(seen, ['<p>Before the drop</p>\n']);
    } finally {
      dropping.close();
    }
  });
});
