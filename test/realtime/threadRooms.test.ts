import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/app.js';
import { signInAs } from '../support/saml.js';
import { connected, openSocket, sessionCookieOf, threadRoomMembers, type TestSocket } from '../support/sockets.js';

type PersonaName = 'member-a' | 'member-b' | 'coordinator-b' | 'moderator';

describe('thread rooms', () => {
  let app: TestApp;
  const sockets = new Map<PersonaName, TestSocket>();
  let privateThreadA: string;
  let openThread: string;

  before(async () => {
    app = await startTestApp();
    for (const name of ['member-a', 'member-b', 'coordinator-b', 'moderator'] as const) {
      const agent = app.agent();
      const socket = openSocket(app.baseUrl, { cookie: sessionCookieOf(await signInAs(agent, name)) });
      await connected(socket);
      sockets.set(name, socket);
      if (name !== 'member-a') continue;
      const csrf = (await agent.get('/api/me')).body.csrfToken;
      const categories = (await agent.get('/api/categories').expect(200)).body.items as { id: string; slug: string }[];
      const create = async (slug: string) =>
        (await agent.post('/api/threads').set('X-CSRF-Token', csrf).send({ categoryId: categories.find((c) => c.slug === slug)!.id, title: `Room test ${slug}`, body: 'Opening post' }).expect(201)).body.thread.id as string;
      privateThreadA = await create('private-demo-a');
      openThread = await create('labor-trafficking');
    }
  });
  after(async () => {
    for (const socket of sockets.values()) socket.close();
    await app.close();
  });

  const join = (name: PersonaName, payload: unknown) => sockets.get(name)!.timeout(3000).emitWithAck('thread:join', payload as { threadId: string });
  const roomMembers = (threadId: string) => threadRoomMembers(app.running.built.io, threadId);

  it('lets a member of task force A join their private thread', async () => {
    assert.deepEqual(await join('member-a', { threadId: privateThreadA }), { ok: true });
  });

  it('refuses member-b and coordinator-b the private thread of task force A as not found, and never joins them', async () => {
    for (const name of ['member-b', 'coordinator-b'] as const) {
      const reply = await join(name, { threadId: privateThreadA });
      assert.equal(reply.ok, false);
      assert.ok(!reply.ok && reply.error.code === 'not_found');
    }
    const members = await roomMembers(privateThreadA);
    assert.equal(members.length, 1, 'only member-a is in the room');
  });

  it('lets a moderator join any thread and anyone join an open thread', async () => {
    assert.deepEqual(await join('moderator', { threadId: privateThreadA }), { ok: true });
    assert.deepEqual(await join('member-b', { threadId: openThread }), { ok: true });
  });

  it('answers validation_failed for malformed ids and operator objects', async () => {
    for (const payload of [{ threadId: 'nope' }, { threadId: { $gt: '' } }, { threadId: ['a'] }, null, 'x', { __proto__: { threadId: privateThreadA } }]) {
      const reply = await join('member-b', payload);
      assert.ok(!reply.ok && reply.error.code === 'validation_failed', JSON.stringify(payload));
    }
  });

  it('leaves a room on request', async () => {
    const socket = sockets.get('member-b')!;
    assert.deepEqual(await socket.timeout(3000).emitWithAck('thread:leave', { threadId: openThread }), { ok: true });
    assert.equal((await roomMembers(openThread)).length, 0);
  });
});
