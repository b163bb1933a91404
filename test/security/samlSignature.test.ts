import assert from 'node:assert/strict';
import type { DevIdpKeys } from '../../server/auth/devIdp/keys.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  attackerKeys,
  attemptAcs,
  decodeResponse,
  editAndResign,
  editOnly,
  encodeResponse,
  expectRejected,
  fetchSignedResponse,
  idpKeysOf,
  signResponse,
  stripSignatures,
  type PostedResponse,
} from '../support/saml.js';

/** The first element of `name` in the XML, with its whole content (the responses have no nesting of the same name). */
const elementOf = (xml: string, name: string): string => {
  const match = new RegExp(`<${name}[\\s>][\\s\\S]*?</${name}>`).exec(xml);
  assert.ok(match, `the response has ${name}`);
  return match[0];
};

/** A copy of the assertion that an attacker wants the SP to read: another identity, a new ID, no signature. */
const evilAssertionFrom = (signedAssertion: string): string =>
  signedAssertion.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/, '').replace('persona:member-a', 'persona:admin').replace(/ ID="[^"]+"/, ' ID="_evil-assertion"');

describe('SAML attack suite: signatures, wrapping and XML structure', () => {
  let app: TestApp;
  let idpKeys: DevIdpKeys;
  before(async () => {
    app = await startTestApp();
    idpKeys = await idpKeysOf(app);
  });
  after(() => app.close());

  /** A fresh agent and a genuine, signed response for member-a that it may tamper with. */
  async function genuine(): Promise<{ agent: ReturnType<TestApp['agent']>; posted: PostedResponse }> {
    const agent = app.agent();
    return { agent, posted: await fetchSignedResponse(agent, 'member-a') };
  }

  it('accepts the untampered response when nothing was changed (control for this suite)', async () => {
    const { agent, posted } = await genuine();
    const { res } = await attemptAcs(agent, posted);
    assert.equal(res.status, 302);
    await agent.get('/api/me').expect(200);
  });

  it('rejects the response when no part of it is signed', async () => {
    const { agent, posted } = await genuine();
    await expectRejected(agent, await attemptAcs(agent, editOnly(posted, stripSignatures)), 'invalid_signature');
  });

  it('rejects the response when only the response, not the assertion, is signed', async () => {
    const { agent, posted } = await genuine();
    const attempt = await attemptAcs(agent, editAndResign(posted, idpKeys, (xml) => xml, { signAssertion: false }));
    await expectRejected(agent, attempt, 'invalid_signature');
  });

  it('rejects the response when only the assertion, not the response, is signed', async () => {
    const { agent, posted } = await genuine();
    const attempt = await attemptAcs(agent, editAndResign(posted, idpKeys, (xml) => xml, { signResponse: false }));
    await expectRejected(agent, attempt, 'invalid_signature');
  });

  it('rejects the response when an attacker key signs it and its certificate is in KeyInfo', async () => {
    const { agent, posted } = await genuine();
    const attempt = await attemptAcs(agent, editAndResign(posted, attackerKeys(), (xml) => xml.replace('persona:member-a', 'persona:admin')));
    await expectRejected(agent, attempt, 'invalid_signature');
  });

  it('rejects the response when an attacker key signs it without KeyInfo', async () => {
    const { agent, posted } = await genuine();
    const attempt = await attemptAcs(agent, editAndResign(posted, attackerKeys(), (xml) => xml, { keyInfo: false }));
    await expectRejected(agent, attempt, 'invalid_signature');
  });

  it('rejects the response when the NameID was edited after signing', async () => {
    const { agent, posted } = await genuine();
    const attempt = await attemptAcs(agent, editOnly(posted, (xml) => xml.replace('persona:member-a', 'persona:admin')));
    await expectRejected(agent, attempt, 'invalid_signature');
  });

  it('rejects the response when an attribute was edited after signing', async () => {
    const { agent, posted } = await genuine();
    const attempt = await attemptAcs(agent, editOnly(posted, (xml) => xml.replace('>DEMO-A<', '>TTA-STAFF<')));
    await expectRejected(agent, attempt, 'invalid_signature');
  });

  it('rejects signature wrapping when an extra unsigned assertion sits beside the signed one', async () => {
    const { agent, posted } = await genuine();
    const attempt = await attemptAcs(
      agent,
      editOnly(posted, (xml) => {
        const assertion = elementOf(xml, 'saml:Assertion');
        return xml.replace(assertion, evilAssertionFrom(assertion) + assertion);
      }),
    );
    await expectRejected(agent, attempt, 'invalid_signature');
  });

  it('rejects signature wrapping when the signed assertion is moved into the Advice of an evil one', async () => {
    const { agent, posted } = await genuine();
    const attempt = await attemptAcs(
      agent,
      editOnly(posted, (xml) => {
        const assertion = elementOf(xml, 'saml:Assertion');
        const evil = evilAssertionFrom(assertion).replace('<saml:AttributeStatement>', `<saml:Advice>${assertion}</saml:Advice><saml:AttributeStatement>`);
        return xml.replace(assertion, evil);
      }),
    );
    await expectRejected(agent, attempt, 'invalid_signature');
  });

  it('rejects signature wrapping when a decoy Signature in the evil assertion points at the hidden signed one', async () => {
    const { agent, posted } = await genuine();
    const attempt = await attemptAcs(
      agent,
      editOnly(posted, (xml) => {
        const assertion = elementOf(xml, 'saml:Assertion');
        const signature = elementOf(assertion, 'ds:Signature');
        const evil = evilAssertionFrom(assertion).replace('</saml:Issuer>', `</saml:Issuer>${signature}`);
        // The genuine assertion hides in the response's Extensions, where a naive ID lookup still finds it.
        return xml.replace(assertion, evil).replace('<samlp:Status>', `<samlp:Extensions>${assertion}</samlp:Extensions><samlp:Status>`);
      }),
    );
    await expectRejected(agent, attempt, 'invalid_signature');
  });

  it('rejects the post when the document has more than one root element', async () => {
    const { agent, posted } = await genuine();
    const attempt = await attemptAcs(agent, editOnly(posted, (xml) => xml + xml));
    await expectRejected(agent, attempt, 'malformed_xml', 400);
  });

  it('rejects the response when a comment splits the signed NameID', async () => {
    const { agent, posted } = await genuine();
    // Canonical XML drops comments, so the signature still verifies; a naive reader would stop at "persona:member".
    const attempt = await attemptAcs(agent, editOnly(posted, (xml) => xml.replace('persona:member-a', 'persona:member<!---->-a')));
    await expectRejected(agent, attempt, 'forbidden_xml_construct', 400);
  });

  it('rejects the response when a comment sits inside a DigestValue', async () => {
    const { agent, posted } = await genuine();
    const attempt = await attemptAcs(agent, editOnly(posted, (xml) => xml.replace(/<ds:DigestValue>(.{8})/, '<ds:DigestValue>$1<!-- x -->')));
    await expectRejected(agent, attempt, 'forbidden_xml_construct', 400);
  });

  it('rejects the response when it declares a DTD for entity expansion', async () => {
    const { agent, posted } = await genuine();
    const bomb = '<!DOCTYPE samlp:Response [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const attempt = await attemptAcs(agent, editOnly(posted, (xml) => bomb + xml.replace('persona:member-a', '&b;')));
    await expectRejected(agent, attempt, 'forbidden_xml_construct', 400);
  });

  it('rejects the response when it is signed with RSA-SHA1 by the real IdP key', async () => {
    const { agent, posted } = await genuine();
    const attempt = await attemptAcs(
      agent,
      editAndResign(posted, idpKeys, (xml) => xml, { signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1' }),
    );
    await expectRejected(agent, attempt, 'weak_algorithm');
  });

  it('rejects the response when only its digests use SHA-1', async () => {
    const { agent, posted } = await genuine();
    const attempt = await attemptAcs(agent, editAndResign(posted, idpKeys, (xml) => xml, { digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1' }));
    await expectRejected(agent, attempt, 'weak_algorithm');
  });

  it('rejects the post when SAMLResponse is missing or not base64', async () => {
    const agent = app.agent();
    await expectRejected(agent, await attemptAcs(agent, { samlResponse: '', relayState: '/' }), 'malformed_request', 400);
    await expectRejected(agent, await attemptAcs(agent, { samlResponse: '<samlp:Response/>', relayState: '/' }), 'malformed_request', 400);
  });

  it('accepts a response re-signed by the real IdP key when nothing else changed (the helpers do not break it)', async () => {
    const { agent, posted } = await genuine();
    const resigned = { ...posted, samlResponse: encodeResponse(signResponse(decodeResponse(posted.samlResponse), { keys: idpKeys })) };
    const { res } = await attemptAcs(agent, resigned);
    assert.equal(res.status, 302, res.text.slice(0, 200));
    await agent.get('/api/me').expect(200);
  });
});
