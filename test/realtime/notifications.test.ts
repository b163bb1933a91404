import assert from 'node:assert/strict';
import type { NotificationDto } from '../../shared/dto/notification.js';
import { categoriesBySlug, personaOf, startThread, reply, type Persona } from '../api/discussionsSupport.js';
import { handleOf, notificationsAbout, personaWithSocket } from '../api/notificationsSupport.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { nextEvent, type TestSocket } from '../support/sockets.js';

describe('live notifications', () => {
  let app: TestApp;
  let a: Persona;
  let b: Persona;
  let moderator: Persona;
  let socketA: TestSocket;
  let socketB: TestSocket;
  let categories: Awaited<ReturnType<typeof categoriesBySlug>>;
  before(async () => {
    app = await startTestApp();
    const live = [await personaWithSocket(app, 'member-a'), await personaWithSocket(app, 'member-b')];
    [a, b] = live;
    [socketA, socketB] = live.map((p) => p.socket);
    moderator = await personaOf(app, 'moderator');
    categories = await categoriesBySlug(moderator);
  });
  after(async () => {
    socketA.close();
    socketB.close();
    await app.close();
  });

  it('delivers notification:new to the mentioned member’s socket within 1 s, as the list presents it', async () => {
    const handle = await handleOf(a, b, 'blair');
    const arriving = nextEvent(socketB, 'notification:new', 1000);
    const started = Date.now();
    const { thread } = await startThread(a, categories['victim-services'].id, undefined, `Can you look at this, @${handle}?`);
    const live = await arriving;
    assert.ok(Date.now() - started < 1000);
    assert.equal(live.thread.id, thread.id);
    assert.equal(live.kind, 'mention');
    assert.deepEqual(live, (await notificationsAbout(b, thread.id))[0]);
  });

  it('sends nothing to a member mentioned in a private space they cannot read', async () => {
    const handle = await handleOf(a, b, 'blair');
    const leaked: NotificationDto[] = [];
    socketB.on('notification:new', (n) => leaked.push(n));
    const { thread } = await startThread(a, categories['private-demo-a'].id, undefined, `Private, @${handle}`);
    // A watched-thread notification to member-a's own socket shows the pipeline ran; then allow a moment for leaks.
    const ownReply = nextEvent(socketA, 'notification:new', 1000);
    await reply(moderator, thread.id, 'A moderator answers');
    assert.equal((await ownReply).thread.id, thread.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    socketB.off('notification:new');
    assert.deepEqual(leaked.filter((n) => n.thread.id === thread.id), []);
  });
});
