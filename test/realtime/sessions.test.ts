import assert from 'node:assert/strict';
import { Member } from '../../server/db/models/Member.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { signInAs } from '../support/saml.js';
import { connected, disconnected, nextEvent, openSocket, sessionCookieOf, type TestSocket } from '../support/sockets.js';

describe('real-time sessions', () => {
  let app: TestApp;
  const sockets: TestSocket[] = [];
  const open = (opts: Parameters<typeof openSocket>[1]) => {
    const socket = openSocket(app.baseUrl, opts);
    sockets.push(socket);
    return socket;
  };
  before(async () => {
    app = await startTestApp();
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));
  after(() => app.close());

  it('accepts a socket carrying a live session cookie and our Origin', async () => {
    const cookie = sessionCookieOf(await signInAs(app.agent(), 'member-a'));
    const socket = open({ cookie });
    await connected(socket);
    const reply = await socket.timeout(2000).emitWithAck('ping');
    assert.deepEqual(reply, { ok: true });
  });

  it('refuses a socket without a session', async () => {
    await assert.rejects(connected(open({})), /unauthenticated/);
  });

  it('refuses a socket from another Origin even with a valid session', async () => {
    const cookie = sessionCookieOf(await signInAs(app.agent(), 'member-a'));
    await assert.rejects(connected(open({ cookie, origin: 'https://attacker.example' })));
  });

  it('ends the sockets of a session at logout, and only those', async () => {
    const agent = app.agent();
    const cookie = sessionCookieOf(await signInAs(agent, 'member-b'));
    const otherCookie = sessionCookieOf(await signInAs(app.agent(), 'member-b'));
    const [mine, other] = [open({ cookie }), open({ cookie: otherCookie })];
    await Promise.all([connected(mine), connected(other)]);
    const ended = nextEvent(mine, 'session:ended');
    const gone = disconnected(mine);
    const csrf = (await agent.get('/api/me')).body.csrfToken;
    await agent.post('/auth/logout').set('X-CSRF-Token', csrf).expect(204);
    assert.deepEqual(await ended, { reason: 'signed_out' });
    await gone;
    assert.equal(other.connected, true);
  });

  it('ends every socket of a member at once when an admin suspends them', async () => {
    const phone = open({ cookie: sessionCookieOf(await signInAs(app.agent(), 'coordinator-a')) });
    const laptop = open({ cookie: sessionCookieOf(await signInAs(app.agent(), 'coordinator-a')) });
    await Promise.all([connected(phone), connected(laptop)]);
    const admin = app.agent();
    await signInAs(admin, 'admin');
    const csrf = (await admin.get('/api/me')).body.csrfToken;
    const target = await Member.findOne({ nameId: 'persona:coordinator-a' }).lean();
    const events = Promise.all([nextEvent(phone, 'session:ended'), nextEvent(laptop, 'session:ended')]);
    const gone = Promise.all([disconnected(phone), disconnected(laptop)]);
    await admin.patch(`/api/admin/users/${target!._id}`).set('X-CSRF-Token', csrf).send({ status: 'suspended' }).expect(200);
    try {
      assert.deepEqual(await events, [{ reason: 'suspended' }, { reason: 'suspended' }]);
      await gone;
    } finally {
      await admin.patch(`/api/admin/users/${target!._id}`).set('X-CSRF-Token', csrf).send({ status: 'active' }).expect(200);
    }
  });
});
