import assert from 'node:assert/strict';
import { AuditEntry } from '../../server/db/models/AuditEntry.js';
import { Member } from '../../server/db/models/Member.js';
import { fakeClock, startTestApp, type TestApp } from '../support/app.js';
import { signInAs } from '../support/saml.js';

type Agent = ReturnType<TestApp['agent']>;

const sessionCookie = (setCookie: string[] | string | undefined): string | undefined =>
  ([] as string[]).concat(setCookie ?? []).find((c) => c.startsWith('tfc.sid='));

const csrfOf = async (agent: Agent): Promise<string> => (await agent.get('/api/me').expect(200)).body.csrfToken;

describe('sessions', () => {
  const clock = fakeClock();
  let app: TestApp;
  before(async () => {
    app = await startTestApp({}, { clock });
  });
  after(() => app.close());

  it('sets an HttpOnly, SameSite=Lax session cookie at sign-in', async () => {
    const agent = app.agent();
    const res = await signInAs(agent, 'member-a');
    const cookie = sessionCookie(res.headers['set-cookie']);
    assert.ok(cookie, 'a session cookie is set');
    assert.match(cookie, /; HttpOnly/i);
    assert.match(cookie, /; SameSite=Lax/i);
    assert.match(cookie, /; Path=\//);
  });

  it('issues a new session id at every sign-in and forgets the old one', async () => {
    const agent = app.agent();
    const first = sessionCookie((await signInAs(agent, 'member-a')).headers['set-cookie'])!.split(';')[0];
    const second = sessionCookie((await signInAs(agent, 'member-a')).headers['set-cookie'])!.split(';')[0];
    assert.notEqual(first, second);
    await app.agent().get('/api/me').set('Cookie', first).expect(401);
    await app.agent().get('/api/me').set('Cookie', second).expect(200);
  });

  it('ends a session idle for longer than 30 minutes', async () => {
    const agent = app.agent();
    await signInAs(agent, 'member-a');
    clock.advance(29 * 60_000);
    await agent.get('/api/me').expect(200);
    clock.advance(31 * 60_000);
    await agent.get('/api/me').expect(401);
  });

  it('ends an active session after 12 hours whatever the activity', async () => {
    const agent = app.agent();
    await signInAs(agent, 'member-a');
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      clock.advance(20 * 60_000);
      await agent.get('/api/me').expect(200);
    }
    clock.advance(25 * 60_000);
    await agent.get('/api/me').expect(401);
  });

  it('destroys the session in the store at logout', async () => {
    const agent = app.agent();
    const cookie = sessionCookie((await signInAs(agent, 'member-b')).headers['set-cookie'])!.split(';')[0];
    const memberId = (await agent.get('/api/me').expect(200)).body.user.id as string;
    await agent.post('/auth/logout').set('X-CSRF-Token', await csrfOf(agent)).expect(204);
    await agent.get('/api/me').expect(401);
    assert.ok(await AuditEntry.exists({ action: 'auth.logout', actorId: memberId, outcome: 'success' }), 'the logout is audited');
    // A copy of the cookie taken before logout is worthless too.
    await app.agent().get('/api/me').set('Cookie', cookie).expect(401);
  });

  it('refuses logout without the CSRF token while signed in', async () => {
    const agent = app.agent();
    await signInAs(agent, 'member-b');
    const res = await agent.post('/auth/logout').expect(403);
    assert.equal(res.body.error.code, 'csrf');
    await agent.get('/api/me').expect(200);
  });

  it('ends every session of a member at once when they are suspended', async () => {
    const [phone, laptop, admin] = [app.agent(), app.agent(), app.agent()];
    await signInAs(phone, 'coordinator-b');
    await signInAs(laptop, 'coordinator-b');
    await signInAs(admin, 'admin');
    const target = await Member.findOne({ nameId: 'persona:coordinator-b' }).lean();
    await admin.patch(`/api/admin/users/${target!._id}`).set('X-CSRF-Token', await csrfOf(admin)).send({ status: 'suspended' }).expect(200);
    assert.ok(await AuditEntry.exists({ action: 'member.status_changed', target: `member:${target!._id}`, 'details.to': 'suspended' }), 'the suspension is audited');
    await phone.get('/api/me').expect(401);
    await laptop.get('/api/me').expect(401);
    await admin.patch(`/api/admin/users/${target!._id}`).set('X-CSRF-Token', await csrfOf(admin)).send({ status: 'active' }).expect(200);
  });
});

describe('CSRF protection', () => {
  let app: TestApp;
  let member: Agent;
  let other: Agent;
  let memberId: string;
  before(async () => {
    app = await startTestApp();
    [member, other] = [app.agent(), app.agent()];
    await signInAs(member, 'admin');
    await signInAs(other, 'moderator');
    memberId = String((await Member.findOne({ nameId: 'persona:member-a' }).lean())!._id);
  });
  after(() => app.close());

  const patch = (agent: Agent) => agent.patch(`/api/admin/users/${memberId}`).send({ status: 'active' });

  it('refuses a write without X-CSRF-Token', async () => {
    const res = await patch(member).expect(403);
    assert.equal(res.body.error.code, 'csrf');
  });

  it('refuses a write carrying another session’s token', async () => {
    const res = await patch(member).set('X-CSRF-Token', await csrfOf(other)).expect(403);
    assert.equal(res.body.error.code, 'csrf');
  });

  it('refuses a write from a foreign Origin even with the right token', async () => {
    const res = await patch(member).set('X-CSRF-Token', await csrfOf(member)).set('Origin', 'https://attacker.example').expect(403);
    assert.equal(res.body.error.code, 'csrf');
  });

  it('accepts a same-origin write with the session’s token', async () => {
    await patch(member).set('X-CSRF-Token', await csrfOf(member)).set('Origin', app.baseUrl).expect(200);
  });
});
