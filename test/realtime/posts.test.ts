import assert from 'node:assert/strict';
import type { PostDto } from '../../shared/dto/discussion.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { signInAs } from '../support/saml.js';
import { connected, nextEvent, openSocket, sessionCookieOf, type TestSocket } from '../support/sockets.js';

type Name = 'member-a' | 'member-b' | 'moderator' | 'coordinator-b';
interface Client {
  agent: ReturnType<TestApp['agent']>;
  csrf: string;
  socket: TestSocket;
}

describe('live posts in a thread room', () => {
  let app: TestApp;
  const clients = {} as Record<Name, Client>;
  let openThread: string;
  let privateThreadA: string;

  before(async () => {
    app = await startTestApp();
    for (const name of ['member-a', 'member-b', 'moderator', 'coordinator-b'] as const) {
      const agent = app.agent();
      const socket = openSocket(app.baseUrl, { cookie: sessionCookieOf(await signInAs(agent, name)) });
      await connected(socket);
      clients[name] = { agent, socket, csrf: (await agent.get('/api/me')).body.csrfToken };
    }
    const a = clients['member-a'];
    const categories = (await a.agent.get('/api/categories').expect(200)).body.items as { id: string; slug: string }[];
    const create = async (slug: string) =>
      (await a.agent.post('/api/threads').set('X-CSRF-Token', a.csrf).send({ categoryId: categories.find((c) => c.slug === slug)!.id, title: `Live ${slug}`, body: 'Opening post' }).expect(201)).body.thread.id as string;
    openThread = await create('victim-services');
    privateThreadA = await create('private-demo-a');
    for (const name of ['member-a', 'member-b', 'moderator'] as const) {
      assert.deepEqual(await clients[name].socket.timeout(3000).emitWithAck('thread:join', { threadId: openThread }), { ok: true });
    }
    assert.deepEqual(await clients['member-a'].socket.timeout(3000).emitWithAck('thread:join', { threadId: privateThreadA }), { ok: true });
  });
  after(async () => {
    for (const client of Object.values(clients)) client.socket.close();
    await app.close();
  });

  const write = (name: Name, method: 'post' | 'patch' | 'delete', path: string, body?: object) =>
    clients[name].agent[method](path).set('X-CSRF-Token', clients[name].csrf).send(body);
  const restView = async (name: Name, threadId: string, postId: string) =>
    ((await clients[name].agent.get(`/api/threads/${threadId}`).expect(200)).body.posts as PostDto[]).find((p) => p.id === postId);

  it('delivers a reply to the other readers of the thread as the REST API presents it to them', async () => {
    const arriving = nextEvent(clients['member-a'].socket, 'post:created', 1000);
    const created = (await write('member-b', 'post', `/api/threads/${openThread}/posts`, { body: 'Our advocates use the **hotline** too.' }).expect(201)).body.post as PostDto;
    const live = await arriving;
    assert.equal(live.id, created.id);
    assert.deepEqual(live, await restView('member-a', openThread, created.id));
    assert.equal(live.abilities.canEdit, false);
  });

  it('gives moderators the same post with moderator abilities', async () => {
    const arriving = nextEvent(clients.moderator.socket, 'post:created', 1000);
    const created = (await write('member-b', 'post', `/api/threads/${openThread}/posts`, { body: 'A second reply' }).expect(201)).body.post as PostDto;
    const live = await arriving;
    assert.equal(live.id, created.id);
    assert.equal(live.abilities.canDelete, true);
  });

  it('delivers edits and removals live', async () => {
    const created = (await write('member-b', 'post', `/api/threads/${openThread}/posts`, { body: 'First wording' }).expect(201)).body.post as PostDto;
    const updated = nextEvent(clients['member-a'].socket, 'post:updated', 1000);
    await write('member-b', 'patch', `/api/posts/${created.id}`, { body: 'Second wording' }).expect(200);
    assert.match((await updated).bodyHtml, /Second wording/);
    const deleted = nextEvent(clients['member-a'].socket, 'post:deleted', 1000);
    await write('member-b', 'delete', `/api/posts/${created.id}`).expect((res) => assert.ok(res.status < 300));
    const removed = await deleted;
    assert.equal(removed.removed, true);
    assert.equal(removed.body, '');
  });

  it('never delivers a private thread’s posts to another task force', async () => {
    const refused = await clients['coordinator-b'].socket.timeout(3000).emitWithAck('thread:join', { threadId: privateThreadA });
    assert.equal(refused.ok, false);
    const leaked: PostDto[] = [];
    clients['coordinator-b'].socket.on('post:created', (post) => leaked.push(post));
    const mine = nextEvent(clients['member-a'].socket, 'post:created', 1000);
    await write('member-a', 'post', `/api/threads/${privateThreadA}/posts`, { body: 'Task force A only' }).expect(201);
    await mine;
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(leaked, []);
  });
});
