import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { loadConfig } from '../../server/config/env.js';
import { ensureDevIdpKeys } from '../../server/auth/devIdp/keys.js';
import { devPersonas } from '../../server/auth/devIdp/personas.js';
import { createLogger } from '../../server/logger.js';
import { devIdpRoutes } from '../../server/http/routes/devIdp.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { makeTempDir } from '../support/tempDirs.js';

const foreignRequest = (issuer: string) =>
  deflateRawSync(
    `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r1" Version="2.0" IssueInstant="${new Date().toISOString()}"><saml:Issuer>${issuer}</saml:Issuer></samlp:AuthnRequest>`,
  ).toString('base64');

describe('development IdP', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  async function pickerFor(agent: ReturnType<TestApp['agent']>) {
    const login = await agent.get('/auth/saml/login').expect(302);
    const sso = new URL(login.headers.location);
    return agent.get(sso.pathname + sso.search).expect(200);
  }

  it('offers every persona as a labelled radio button when a sign-in request arrives', async () => {
    const page = await pickerFor(app.agent());
    assert.match(page.text, /<html lang="en">/);
    assert.match(page.text, /<main>/);
    assert.match(page.text, /<legend>Sign in as<\/legend>/);
    for (const persona of devPersonas) {
      assert.ok(page.text.includes(`<input type="radio" name="persona" id="persona-${persona.id}" value="${persona.id}" required>`), persona.id);
      assert.ok(page.text.includes(`<label for="persona-${persona.id}">`), `${persona.id} has a label`);
    }
    assert.equal(page.headers['cache-control'], 'no-store');
  });

  it('answers with an auto-submitting form to the ACS and a visible fallback button when a persona is picked', async () => {
    const agent = app.agent();
    const picker = await pickerFor(agent);
    const samlRequest = /name="SAMLRequest" value="([^"]+)"/.exec(picker.text)![1];
    const page = await agent.post('/dev-idp/sso').type('form').send({ SAMLRequest: samlRequest, RelayState: '/', persona: 'member-b' }).expect(200);
    assert.ok(page.text.includes(`<form method="post" action="${app.baseUrl}/auth/saml/acs" id="saml-response">`));
    assert.match(page.text, /<input type="hidden" name="SAMLResponse" value="[A-Za-z0-9+/=]+">/);
    assert.match(page.text, /<button type="submit">Continue to Task Force Connect<\/button>/);
    assert.match(page.text, /<script src="\/dev-idp\/autosubmit.js" defer><\/script>/);
    assert.doesNotMatch(page.text, /<script>/, 'no inline script (the CSP forbids it)');
    const script = await agent.get('/dev-idp/autosubmit.js').expect(200);
    assert.match(script.headers['content-type'], /javascript/);
    assert.match(script.text, /getElementById\('saml-response'\)\?\.submit\(\)/);
  });

  it('asks again when no persona or an unknown persona is picked', async () => {
    const agent = app.agent();
    const samlRequest = /name="SAMLRequest" value="([^"]+)"/.exec((await pickerFor(agent)).text)![1];
    const page = await agent.post('/dev-idp/sso').type('form').send({ SAMLRequest: samlRequest, RelayState: '/', persona: 'root' }).expect(400);
    assert.match(page.text, /role="alert"/);
    assert.doesNotMatch(page.text, /name="SAMLResponse"/);
  });

  it('refuses to answer when the request is missing or comes from another service provider', async () => {
    await app.agent().get('/dev-idp/sso').expect(400);
    await app.agent().get('/dev-idp/sso').query({ SAMLRequest: foreignRequest('https://other-sp.example') }).expect(400);
    const res = await app.agent().post('/dev-idp/sso').type('form').send({ SAMLRequest: foreignRequest('https://other-sp.example'), persona: 'admin' }).expect(400);
    assert.doesNotMatch(res.text, /name="SAMLResponse"/);
  });

  it('publishes its metadata with the signing certificate when asked', async () => {
    const res = await app.agent().get('/dev-idp/metadata').expect(200);
    const cert = await ensureDevIdpKeys(app.config.DATA_DIR);
    const body = cert.cert.replace(/-----[^-]+-----|\s/g, '');
    assert.ok(res.text.includes(`entityID="${app.baseUrl}/dev-idp/metadata"`));
    assert.ok(res.text.includes(body));
  });

  it('refuses to build its routes when the configuration is production', () => {
    const config = { ...loadConfig({ NODE_ENV: 'test' }), isProduction: true };
    assert.throws(() => devIdpRoutes({ config, logger: createLogger('silent'), samlIdp: { cert: 'x', key: 'y' } }), /refused in production/);
  });
});

describe('development IdP keys', () => {
  it('generates an RSA 2048 key and a matching certificate on first start and reuses them afterwards', async () => {
    const dataDir = makeTempDir('tfc-keys-');
    const first = await ensureDevIdpKeys(dataDir);
    const again = await ensureDevIdpKeys(dataDir);
    assert.deepEqual(again, first);
    const key = createPrivateKey(first.key);
    assert.equal(key.asymmetricKeyDetails?.modulusLength, 2048);
    const cert = new X509Certificate(first.cert);
    assert.ok(cert.checkPrivateKey(key), 'the certificate belongs to the key');
    assert.equal(statSync(path.join(dataDir, 'dev-idp', 'signing-key.pem')).mode & 0o077, 0, 'the key file is private');
  });
});
