import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { TaskForce } from '../../server/db/models/TaskForce.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { connected, nextEvent, openSocket, sessionCookieOf, disconnected } from '../support/sockets.js';
import { signInAs } from '../support/saml.js';
import { categoriesBySlug, personaOf, reply, startThread, type Persona } from './discussionsSupport.js';
import { uploadAs } from './resourcesSupport.js';

describe('regressions found in review', function () {
  this.timeout(30_000);
  let app: TestApp;
  let a: Persona;
  let categories: Awaited<ReturnType<typeof categoriesBySlug>>;
  before(async () => {
    app = await startTestApp();
    a = await personaOf(app, 'member-a');
    categories = await categoriesBySlug(await personaOf(app, 'moderator'));
  });
  after(() => app.close());

  it('checks a text file of nothing but "<" in linear time (it once took seconds per 64 KiB on the event loop)', async function () {
    // Generous: the linear check takes milliseconds; the quadratic one took about 16 s for this file.
    this.timeout(10_000);
    const res = await uploadAs(a, '/api/attachments', {}, { bytes: Buffer.alloc(256 * 1024, '<'), name: 'notes.txt' });
    assert.equal(res.status, 201, res.text);
  });

  it('presents posts and threads stored before later fields existed (no attachments, reactions or revisions arrays)', async () => {
    const { thread } = await startThread(a, categories['labor-trafficking'].id);
    const old = await reply(a, thread.id, 'Written before attachments existed');
    const db = mongoose.connection.db!;
    await db.collection('posts').updateOne({ _id: new mongoose.mongo.ObjectId(old.id) }, { $unset: { attachments: '', reactions: '', revisions: '' } });
    await db.collection('threads').updateOne({ _id: new mongoose.mongo.ObjectId(thread.id) }, { $unset: { pinned: '', locked: '' }, $inc: { contentVersion: 1 } });
    const res = await a.agent.get(`/api/threads/${thread.id}`).expect(200);
    const post = res.body.posts.find((p: { id: string }) => p.id === old.id);
    assert.deepEqual([post.attachments, post.reactions], [[], []]);
    assert.equal(res.body.thread.pinned, false);
  });

  it('ends the sockets of a member whose task force leaves the registry, and refuses their room joins', async () => {
    const b = await personaOf(app, 'member-b');
    const { thread } = await startThread(b, categories['victim-services'].id);
    const agent = app.agent();
    const socket = openSocket(app.baseUrl, { cookie: sessionCookieOf(await signInAs(agent, 'member-b')) });
    await connected(socket);
    const taskForceB = await TaskForce.findById(b.taskForceId);
    try {
      await TaskForce.updateOne({ _id: taskForceB!._id }, { $set: { active: false } });
      const refused = await socket.timeout(3000).emitWithAck('thread:join', { threadId: thread.id });
      assert.ok(!refused.ok && refused.error.code === 'unauthenticated', JSON.stringify(refused));
      const ended = nextEvent(socket, 'session:ended', 2000);
      const gone = disconnected(socket);
      await agent.get('/api/me').expect(401);
      assert.equal((await ended).reason, 'deprovisioned');
      await gone;
    } finally {
      await TaskForce.updateOne({ _id: taskForceB!._id }, { $set: { active: true } });
      socket.close();
    }
    await reply(a, thread.id, 'Task force B is back');
  });
});
