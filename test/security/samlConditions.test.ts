import assert from 'node:assert/strict';
import type { DevIdpKeys } from '../../server/auth/devIdp/keys.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { attemptAcs, editAndResign, expectRejected, fetchSignedResponse, idpKeysOf, shiftInstants } from '../support/saml.js';

const MINUTE = 60_000;

/**
 * Every response here is signed by the real IdP key after the edit, so the signature is valid and only
 * the SP's checks of time, audience, destination, recipient, issuer and status can refuse it.
 */
describe('SAML attack suite: conditions of a validly signed response', () => {
  let app: TestApp;
  let idpKeys: DevIdpKeys;
  before(async () => {
    app = await startTestApp();
    idpKeys = await idpKeysOf(app);
  });
  after(() => app.close());

  async function attemptEdited(edit: (xml: string) => string) {
    const agent = app.agent();
    const posted = await fetchSignedResponse(agent, 'member-a');
    return { agent, attempt: await attemptAcs(agent, editAndResign(posted, idpKeys, edit)) };
  }

  it('accepts a re-signed response when it was issued 20 seconds ago (control for this suite)', async () => {
    const { agent, attempt } = await attemptEdited((xml) => shiftInstants(xml, -20_000));
    assert.equal(attempt.res.status, 302, attempt.res.text.slice(0, 200));
    await agent.get('/api/me').expect(200);
  });

  it('accepts a response when the IdP clock is 20 seconds ahead, within the allowed skew', async () => {
    const { agent, attempt } = await attemptEdited((xml) => shiftInstants(xml, 20_000));
    assert.equal(attempt.res.status, 302, attempt.res.text.slice(0, 200));
    await agent.get('/api/me').expect(200);
  });

  it('rejects an expired response when the IdP clock was an hour behind', async () => {
    const { agent, attempt } = await attemptEdited((xml) => shiftInstants(xml, -60 * MINUTE));
    await expectRejected(agent, attempt, 'assertion_expired');
  });

  it('rejects a response whose conditions expired when its subject confirmation has not', async () => {
    const { agent, attempt } = await attemptEdited((xml) =>
      xml.replace(/(<saml:Conditions NotBefore=")[^"]+(" NotOnOrAfter=")[^"]+"/, (_m, a: string, b: string) => `${a}${new Date(Date.now() - 10 * MINUTE).toISOString()}${b}${new Date(Date.now() - 2 * MINUTE).toISOString()}"`),
    );
    await expectRejected(agent, attempt, 'assertion_expired');
  });

  it('rejects a response that is not yet valid when the IdP clock was an hour ahead', async () => {
    const { agent, attempt } = await attemptEdited((xml) => shiftInstants(xml, 60 * MINUTE));
    await expectRejected(agent, attempt, 'assertion_not_yet_valid');
  });

  it('rejects a response that is too old when it was issued long ago but claims a long validity', async () => {
    const { agent, attempt } = await attemptEdited((xml) => shiftInstants(shiftInstants(xml, -10 * MINUTE, /IssueInstant|NotBefore|AuthnInstant/), 30 * MINUTE, /NotOnOrAfter/));
    await expectRejected(agent, attempt, 'assertion_too_old');
  });

  it('rejects a response when its Audience is another service provider', async () => {
    const { agent, attempt } = await attemptEdited((xml) => xml.replace(/<saml:Audience>[^<]+</, '<saml:Audience>https://other-sp.example/metadata<'));
    await expectRejected(agent, attempt, 'wrong_audience');
  });

  it('rejects a response when its Destination is another ACS URL', async () => {
    const { agent, attempt } = await attemptEdited((xml) => xml.replace(/ Destination="[^"]+"/, ' Destination="https://other-sp.example/acs"'));
    await expectRejected(agent, attempt, 'wrong_destination');
  });

  it('rejects a response when it has no Destination at all', async () => {
    const { agent, attempt } = await attemptEdited((xml) => xml.replace(/ Destination="[^"]+"/, ''));
    await expectRejected(agent, attempt, 'wrong_destination');
  });

  it('rejects a response when the bearer Recipient is another ACS URL', async () => {
    const { agent, attempt } = await attemptEdited((xml) => xml.replace(/ Recipient="[^"]+"/, ' Recipient="https://other-sp.example/acs"'));
    await expectRejected(agent, attempt, 'wrong_recipient');
  });

  it('rejects a response when every Issuer in it is another IdP', async () => {
    const { agent, attempt } = await attemptEdited((xml) => xml.replace(/<saml:Issuer>[^<]+<\/saml:Issuer>/g, '<saml:Issuer>https://rogue-idp.example/metadata</saml:Issuer>'));
    await expectRejected(agent, attempt, 'wrong_issuer');
  });

  it('rejects a response when only the assertion Issuer is another IdP', async () => {
    const { agent, attempt } = await attemptEdited((xml) => xml.replace(/(<saml:Assertion[^>]*><saml:Issuer>)[^<]+/, '$1https://rogue-idp.example/metadata'));
    await expectRejected(agent, attempt, 'wrong_issuer');
  });

  it('rejects a response when only the Response-level Issuer is another IdP', async () => {
    const { agent, attempt } = await attemptEdited((xml) => xml.replace(/<saml:Issuer>[^<]+<\/saml:Issuer>/, '<saml:Issuer>https://rogue-idp.example/metadata</saml:Issuer>'));
    await expectRejected(agent, attempt, 'wrong_issuer');
  });

  it('rejects a response when its status is not Success even though it carries a signed assertion', async () => {
    const { agent, attempt } = await attemptEdited((xml) =>
      xml.replace('urn:oasis:names:tc:SAML:2.0:status:Success', 'urn:oasis:names:tc:SAML:2.0:status:Responder'),
    );
    await expectRejected(agent, attempt, 'status_not_success');
  });

  it('rejects a response when its task force attribute is missing', async () => {
    const { agent, attempt } = await attemptEdited((xml) => xml.replace(/<saml:Attribute Name="taskForceId"[\s\S]*?<\/saml:Attribute>/, ''));
    await expectRejected(agent, attempt, 'missing_attribute');
  });
});
