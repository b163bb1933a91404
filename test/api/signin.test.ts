import assert from 'node:assert/strict';
import { Member } from '../../server/db/models/Member.js';
import { AuditEntry } from '../../server/db/models/AuditEntry.js';
import { devPersonas, type DevPersonaId } from '../../server/auth/devIdp/personas.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { signInAs } from '../support/saml.js';

type Agent = ReturnType<TestApp['agent']>;

const admitted: { persona: DevPersonaId; role: string; taskForce: string }[] = [
  { persona: 'member-a', role: 'member', taskForce: 'DEMO-A' },
  { persona: 'member-b', role: 'member', taskForce: 'DEMO-B' },
  { persona: 'coordinator-a', role: 'coordinator', taskForce: 'DEMO-A' },
  { persona: 'moderator', role: 'moderator', taskForce: 'TTA-STAFF' },
  { persona: 'admin', role: 'admin', taskForce: 'TTA-STAFF' },
];

const NEWCOMER_NAME_ID = 'persona:newcomer-b';

async function signedInAgent(app: TestApp, persona: DevPersonaId): Promise<{ agent: Agent; csrf: string }> {
  const agent = app.agent();
  await signInAs(agent, persona).then((res) => assert.equal(res.status, 302));
  const me = await agent.get('/api/me').expect(200);
  return { agent, csrf: me.body.csrfToken };
}

async function newcomerIsPending(app: TestApp): Promise<string> {
  const agent = app.agent();
  const res = await signInAs(agent, 'newcomer-b');
  assert.equal(res.status, 302);
  assert.equal(res.headers.location, '/pending');
  await agent.get('/api/me').expect(401);
  const member = await Member.findOne({ nameId: NEWCOMER_NAME_ID });
  assert.equal(member?.status, 'pending');
  return member.id as string;
}

const approve = (approver: { agent: Agent; csrf: string }, memberId: string) =>
  approver.agent.patch(`/api/admin/users/${memberId}`).set('X-CSRF-Token', approver.csrf).send({ status: 'active' });

describe('sign-in through the development IdP', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());
  // This file's own data: the newcomer starts unknown, so the first sign-in creates a pending member.
  beforeEach(() => Member.deleteMany({ nameId: NEWCOMER_NAME_ID }));

  for (const { persona, role, taskForce } of admitted) {
    it(`lets ${persona} in as ${role} of ${taskForce} when the assertion is genuine`, async () => {
      const agent = app.agent();
      const res = await signInAs(agent, persona);
      assert.equal(res.status, 302);
      assert.equal(res.headers.location, '/');
      const me = await agent.get('/api/me').expect(200);
      const expected = devPersonas.find((p) => p.id === persona)!;
      assert.equal(me.body.user.email, expected.email);
      assert.equal(me.body.user.role, role);
      assert.equal(me.body.user.status, 'active');
      assert.equal(me.body.user.taskForce.code, taskForce);
      assert.ok(me.body.csrfToken);
    });
  }

  it('returns to the requested local page when returnTo is a local path', async () => {
    const agent = app.agent();
    const res = await signInAs(agent, 'member-a', { returnTo: '/discussions/abc?sort=new' });
    assert.equal(res.status, 302);
    assert.equal(res.headers.location, '/discussions/abc?sort=new');
  });

  it('keeps newcomer-b pending without a session when task force B requires approval', async () => {
    await newcomerIsPending(app);
    // Signing in again changes nothing until someone approves.
    await newcomerIsPending(app);
  });

  it('refuses approval by coordinator-a when the newcomer belongs to task force B', async () => {
    const memberId = await newcomerIsPending(app);
    const coordinatorA = await signedInAgent(app, 'coordinator-a');
    const res = await approve(coordinatorA, memberId);
    // 404 as well as 403 is a refusal: a coordinator need not learn that another task force's member exists.
    assert.ok([403, 404].includes(res.status), `refused, got ${res.status}`);
    assert.equal((await Member.findById(memberId))?.status, 'pending');
  });

  it('lets newcomer-b in when the coordinator of B approves', async () => {
    const memberId = await newcomerIsPending(app);
    await approve(await signedInAgent(app, 'coordinator-b'), memberId).expect(200);
    const approval = await AuditEntry.findOne({ action: 'member.approved', target: `member:${memberId}` }).sort({ at: -1 }).lean();
    assert.equal(approval?.outcome, 'success', 'the approval is audited');
    assert.deepEqual(approval?.details, { from: 'pending', to: 'active' });
    const agent = app.agent();
    const res = await signInAs(agent, 'newcomer-b');
    assert.equal(res.headers.location, '/');
    const me = await agent.get('/api/me').expect(200);
    assert.equal(me.body.user.taskForce.code, 'DEMO-B');
  });

  it('lets newcomer-b in when an admin approves', async () => {
    const memberId = await newcomerIsPending(app);
    await approve(await signedInAgent(app, 'admin'), memberId).expect(200);
    const agent = app.agent();
    assert.equal((await signInAs(agent, 'newcomer-b')).headers.location, '/');
    await agent.get('/api/me').expect(200);
  });

  it('refuses outsider with a plain 403 page and an audit entry when no funded task force matches', async () => {
    const since = new Date();
    const agent = app.agent();
    const res = await signInAs(agent, 'outsider');
    assert.equal(res.status, 403);
    assert.match(res.headers['content-type'], /text\/html/);
    assert.match(res.text, /not in the task force registry/);
    assert.equal(res.headers['set-cookie'], undefined);
    await agent.get('/api/me').expect(401);
    const entry = await AuditEntry.findOne({ action: 'auth.signin_refused', actorLabel: 'outsider@demo.taskforce.test', at: { $gte: since } }).lean();
    assert.ok(entry, 'the refusal is audited');
    assert.equal(entry.outcome, 'refused');
    assert.equal(await Member.countDocuments({ nameId: 'persona:outsider' }), 0);
  });

  it('serves SP metadata naming the ACS URL and entity id when asked', async () => {
    const res = await app.agent().get('/auth/saml/metadata').expect(200);
    assert.match(res.headers['content-type'], /application\/samlmetadata\+xml/);
    assert.ok(res.text.includes(`entityID="${app.baseUrl}/auth/saml/metadata"`));
    assert.ok(res.text.includes(`Location="${app.baseUrl}/auth/saml/acs"`));
    assert.ok(res.text.includes('WantAssertionsSigned="true"'));
  });
});

describe('sign-in without an identity provider', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ DEV_IDP: 'off' });
  });
  after(() => app.close());

  it('answers 503 with a plain page when neither SAML_IDP_CERT nor the dev IdP is configured', async () => {
    const login = await app.agent().get('/auth/saml/login').expect(503);
    assert.match(login.text, /Single sign-on is not configured/);
    await app.agent().post('/auth/saml/acs').type('form').send({ SAMLResponse: 'PHg+', RelayState: '/' }).expect(503);
    await app.agent().get('/dev-idp/sso').expect((res) => assert.notEqual(res.status, 200));
  });
});
