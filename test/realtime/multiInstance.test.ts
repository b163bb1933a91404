import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import supertest from 'supertest';
import { io as connect } from 'socket.io-client';
import { ensureDevIdpKeys } from '../../server/auth/devIdp/keys.js';
import type { PostDto } from '../../shared/dto/discussion.js';
import { signInAs } from '../support/saml.js';
import { exited, listening, spawnServer } from '../support/serverProcess.js';
import { connected, nextEvent, openSocket, sessionCookieOf, type TestSocket } from '../support/sockets.js';
import { makeTempDir } from '../support/tempDirs.js';

/** Two app processes sharing the harness's database and Redis, as two instances behind a load balancer. */
describe('real-time across two app instances', function () {
  this.timeout(60_000);
  const children: ChildProcess[] = [];
  const sockets: TestSocket[] = [];
  let one: string;
  let two: string;

  before(async () => {
    const dataDir = makeTempDir('tfc-multi-');
    await ensureDevIdpKeys(dataDir); // one IdP key for both, made before either starts
    const shared = {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      MONGODB_URI: process.env.TEST_MONGODB_URI,
      REDIS_URL: process.env.TEST_REDIS_URL,
      REDIS_PREFIX: `tfc-multi-${randomBytes(4).toString('hex')}:`,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: dataDir,
      DEMO_DATA: 'on',
      DEV_IDP: 'on',
      POST_INTERVAL_SECONDS: '0',
      THREAD_INTERVAL_SECONDS: '0',
    };
    // One after the other, so the demo seeding of the second finds everything in place.
    for (const target of ['one', 'two'] as const) {
      const child = spawnServer(shared);
      children.push(child);
      const url = await listening(child);
      if (target === 'one') one = url;
      else two = url;
    }
  });
  after(async () => {
    sockets.forEach((s) => s.close());
    for (const child of children) {
      child.kill('SIGTERM');
      await exited(child);
    }
  });

  async function signedIn(baseUrl: string, persona: 'member-a' | 'member-b') {
    const agent = supertest.agent(baseUrl);
    const cookie = sessionCookieOf(await signInAs(agent, persona));
    const csrf = (await agent.get('/api/me').expect(200)).body.csrfToken as string;
    return { agent, cookie, csrf };
  }

  it('delivers a reply posted through instance 2 to a member connected to instance 1 within 1 s, and replays it after a drop', async () => {
    const a = await signedIn(one, 'member-a');
    const b = await signedIn(two, 'member-b');
    const categories = (await a.agent.get('/api/categories').expect(200)).body.items as { id: string; slug: string }[];
    const thread = (await a.agent.post('/api/threads').set('X-CSRF-Token', a.csrf).send({ categoryId: categories.find((c) => c.slug === 'labor-trafficking')!.id, title: 'Across instances', body: 'Opening post' }).expect(201)).body.thread.id as string;

    const socket = openSocket(one, { cookie: a.cookie });
    sockets.push(socket);
    await connected(socket);
    assert.deepEqual(await socket.timeout(3000).emitWithAck('thread:join', { threadId: thread }), { ok: true });

    const arriving = nextEvent(socket, 'post:created', 1000);
    const started = Date.now();
    const posted = (await b.agent.post(`/api/threads/${thread}/posts`).set('X-CSRF-Token', b.csrf).send({ body: 'Seen from instance 2' }).expect(201)).body.post as PostDto;
    const live = await arriving;
    const elapsed = Date.now() - started;
    assert.equal(live.id, posted.id);
    console.log(`      post:created across instances in ${elapsed} ms`);

    // A client that loses its connection and comes back within 2 minutes gets what it missed.
    const recovering = connect(one, { path: '/socket.io', transports: ['websocket'], forceNew: true, reconnectionDelay: 300, reconnectionDelayMax: 300, extraHeaders: { cookie: a.cookie, origin: one } });
    sockets.push(recovering as TestSocket);
    await connected(recovering as TestSocket);
    assert.deepEqual(await recovering.timeout(3000).emitWithAck('thread:join', { threadId: thread }), { ok: true });
    const warmUp = nextEvent(recovering as TestSocket, 'post:created', 2000);
    await b.agent.post(`/api/threads/${thread}/posts`).set('X-CSRF-Token', b.csrf).send({ body: 'Before the drop' }).expect(201);
    await warmUp;
    const reconnected = new Promise<void>((resolve) => recovering.io.once('reconnect', () => resolve()));
    recovering.io.engine.close(); // the network drops
    const missed = (await b.agent.post(`/api/threads/${thread}/posts`).set('X-CSRF-Token', b.csrf).send({ body: 'While you were away' }).expect(201)).body.post as PostDto;
    const replayed = nextEvent(recovering as TestSocket, 'post:created', 5000);
    await reconnected;
    assert.equal((await replayed).id, missed.id);
    assert.equal(recovering.recovered, true);
  });

  it('refuses another task force’s socket on instance 2 the private thread made on instance 1', async () => {
    const a = await signedIn(one, 'member-a');
    const b = await signedIn(two, 'member-b');
    const categories = (await a.agent.get('/api/categories').expect(200)).body.items as { id: string; slug: string }[];
    const thread = (await a.agent.post('/api/threads').set('X-CSRF-Token', a.csrf).send({ categoryId: categories.find((c) => c.slug === 'private-demo-a')!.id, title: 'Task force A only', body: 'Opening post' }).expect(201)).body.thread.id as string;
    const socket = openSocket(two, { cookie: b.cookie });
    sockets.push(socket);
    await connected(socket);
    const reply = await socket.timeout(3000).emitWithAck('thread:join', { threadId: thread });
    assert.ok(!reply.ok && reply.error.code === 'not_found');
  });
});
