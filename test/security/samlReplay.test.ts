import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { DevIdpKeys } from '../../server/auth/devIdp/keys.js';
import { claimAssertionId } from '../../server/auth/saml/replayGuard.js';
import { AuditEntry } from '../../server/db/models/AuditEntry.js';
import { createLogger } from '../../server/logger.js';
import { connectRedis } from '../../server/redis/client.js';
import { memoryKeyValueStore, redisKeyValueStore } from '../../server/redis/kv.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { attemptAcs, decodeResponse, editAndResign, expectRejected, fetchSignedResponse, idpKeysOf } from '../support/saml.js';

const inResponseToOf = (samlResponse: string): string => {
  const match = / InResponseTo="([^"]+)"/.exec(decodeResponse(samlResponse));
  assert.ok(match, 'the response answers a request');
  return match[1];
};

describe('SAML attack suite: solicitation, replay and redirects', () => {
  let app: TestApp;
  let idpKeys: DevIdpKeys;
  before(async () => {
    app = await startTestApp();
    idpKeys = await idpKeysOf(app);
  });
  after(() => app.close());

  it('rejects an unsolicited response when it answers no request', async () => {
    const agent = app.agent();
    const posted = await fetchSignedResponse(agent, 'member-a');
    const attempt = await attemptAcs(agent, editAndResign(posted, idpKeys, (xml) => xml.replace(/ InResponseTo="[^"]+"/g, '')));
    await expectRejected(agent, attempt, 'unsolicited_response');
  });

  it('rejects a response when its InResponseTo names a request this SP never sent', async () => {
    const agent = app.agent();
    const posted = await fetchSignedResponse(agent, 'member-a');
    const attempt = await attemptAcs(agent, editAndResign(posted, idpKeys, (xml) => xml.replace(/ InResponseTo="[^"]+"/g, ' InResponseTo="_never-sent-by-this-sp"')));
    await expectRejected(agent, attempt, 'in_response_to_mismatch');
  });

  it('rejects a response when the subject confirmation answers a different request than the response', async () => {
    const agent = app.agent();
    const other = await fetchSignedResponse(app.agent(), 'member-a');
    const posted = await fetchSignedResponse(agent, 'member-a');
    const attempt = await attemptAcs(
      agent,
      editAndResign(posted, idpKeys, (xml) => xml.replace(/(<saml:SubjectConfirmationData[^>]* InResponseTo=")[^"]+"/, `$1${inResponseToOf(other.samlResponse)}"`)),
    );
    await expectRejected(agent, attempt, 'in_response_to_mismatch');
  });

  it('rejects a replayed response when it was already used to sign in', async () => {
    const agent = app.agent();
    const posted = await fetchSignedResponse(agent, 'member-a');
    assert.equal((await attemptAcs(agent, posted)).res.status, 302);
    const thief = app.agent();
    await expectRejected(thief, await attemptAcs(thief, posted), 'in_response_to_mismatch');
  });

  it('rejects a used assertion when it is replayed under a fresh request id', async () => {
    const agent = app.agent();
    const used = await fetchSignedResponse(agent, 'member-a');
    assert.equal((await attemptAcs(agent, used)).res.status, 302);
    // A second, unanswered request: the replay claims to answer it, so only the assertion-id guard can refuse.
    const thief = app.agent();
    const fresh = inResponseToOf((await fetchSignedResponse(thief, 'member-a')).samlResponse);
    const replay = editAndResign(used, idpKeys, (xml) => xml.replace(/ InResponseTo="[^"]+"/g, ` InResponseTo="${fresh}"`));
    await expectRejected(thief, await attemptAcs(thief, replay), 'assertion_replayed');
  });

  it('lets exactly one of two concurrent posts of the same response sign in when they race', async () => {
    for (let round = 0; round < 4; round += 1) {
      const posted = await fetchSignedResponse(app.agent(), 'member-a');
      const agents = [app.agent(), app.agent()];
      const attempts = await Promise.all(agents.map((agent) => attemptAcs(agent, posted)));
      const statuses = attempts.map((a) => a.res.status).sort();
      assert.deepEqual(statuses, [302, 403], `round ${round}: one sign-in and one refusal`);
      const loser = attempts.findIndex((a) => a.res.status === 403);
      await agents[loser].get('/api/me').expect(401);
      await agents[1 - loser].get('/api/me').expect(200);
      const entry = await AuditEntry.findOne({ action: 'auth.signin_failed', userAgent: attempts[loser].userAgent }).lean();
      assert.ok(entry, 'the refused replay is audited');
      assert.ok(['assertion_replayed', 'in_response_to_mismatch'].includes((entry.details as { reason: string }).reason));
    }
  });

  it('keeps the home page as RelayState when returnTo points off-site', async () => {
    const hostile = ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/ok\r\nSet-Cookie: x=1', 'http:/evil.example'];
    for (const returnTo of hostile) {
      const res = await app.agent().get('/auth/saml/login').query({ returnTo }).expect(302);
      assert.equal(new URL(res.headers.location).searchParams.get('RelayState'), '/', `returnTo ${JSON.stringify(returnTo)}`);
    }
    const local = await app.agent().get('/auth/saml/login').query({ returnTo: '/resources?q=intake' }).expect(302);
    assert.equal(new URL(local.headers.location).searchParams.get('RelayState'), '/resources?q=intake');
  });

  it('rejects a genuine response when its RelayState was changed to an off-site address', async () => {
    for (const relayState of ['//evil.example/phish', 'https://evil.example/']) {
      const agent = app.agent();
      const posted = await fetchSignedResponse(agent, 'member-a');
      await expectRejected(agent, await attemptAcs(agent, { ...posted, relayState }), 'unsafe_relay_state', 400);
    }
  });
});

describe('assertion-id replay guard', () => {
  it('grants exactly one of many concurrent claims when they share an assertion id in Redis', async () => {
    const client = await connectRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', createLogger('silent'));
    try {
      const kv = redisKeyValueStore(client);
      const id = `_${randomUUID()}`;
      const results = await Promise.all(Array.from({ length: 25 }, () => claimAssertionId(kv, 'https://idp.example', id, Date.now() + 60_000)));
      assert.equal(results.filter(Boolean).length, 1);
      assert.equal(await claimAssertionId(kv, 'https://other-idp.example', id, Date.now() + 60_000), true, 'ids of another issuer do not collide');
    } finally {
      await client.quit();
    }
  });

  it('forgets an assertion id when the assertion could no longer be accepted anyway', async () => {
    let now = 1_000_000;
    const kv = memoryKeyValueStore(() => now);
    assert.equal(await claimAssertionId(kv, 'idp', '_a', now + 60_000, now), true);
    now += 60_000;
    assert.equal(await claimAssertionId(kv, 'idp', '_a', now + 60_000, now), false, 'still remembered at the end of its validity');
    now += 10_000;
    assert.equal(await claimAssertionId(kv, 'idp', '_a', now + 60_000, now), true, 'expired after validity and margin');
  });
});
