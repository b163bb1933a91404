import assert from 'node:assert/strict';
import { loadConfig, type Config } from '../../server/config/env.js';
import { createDevIdentityProvider } from '../../server/auth/devIdp/devIdentityProvider.js';
import { ensureDevIdpKeys, generateSigningKeys, type DevIdpKeys } from '../../server/auth/devIdp/keys.js';
import { findPersona } from '../../server/auth/devIdp/personas.js';
import { mapSamlProfile } from '../../server/auth/saml/profileMapping.js';
import { localPathOrNull } from '../../server/auth/saml/returnTo.js';
import { isSamlRejection } from '../../server/auth/saml/samlRejection.js';
import { devIdpEntityId } from '../../server/auth/saml/samlUrls.js';
import { createSamlServiceProvider } from '../../server/auth/saml/serviceProvider.js';
import { memoryKeyValueStore } from '../../server/redis/kv.js';
import { makeTempDir } from '../support/tempDirs.js';

const PUBLIC_URL = 'http://127.0.0.1:39999';

const configWith = (env: Record<string, string>): Config =>
  loadConfig({ NODE_ENV: 'test', PUBLIC_URL, DATA_DIR: makeTempDir('tfc-saml-'), ...env });

/** The whole SP-initiated round trip in-process: SP request -> dev IdP response -> SP verification. */
async function roundTrip(config: Config, idpCert: string, keys: DevIdpKeys) {
  const sp = createSamlServiceProvider({ config, kv: memoryKeyValueStore(), idpCert });
  const idp = createDevIdentityProvider(config, keys);
  const login = new URL(await sp.loginRedirectUrl('/home'));
  const { requestId } = idp.parseLoginRequest(login.searchParams.get('SAMLRequest'));
  const { samlResponse } = await idp.createLoginResponse(findPersona('member-b')!, requestId);
  return sp.verifyPostedResponse({ SAMLResponse: samlResponse, RelayState: login.searchParams.get('RelayState') ?? undefined });
}

const rejectionOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (err) {
    assert.ok(isSamlRejection(err), `a SamlRejection, got ${String(err)}`);
    return err.reason;
  }
  assert.fail('the response was accepted');
};

describe('SAML service provider (in-process)', () => {
  let devKeys: DevIdpKeys;
  const nextKeys = generateSigningKeys('next IdP signing key');
  before(async () => {
    devKeys = await ensureDevIdpKeys(makeTempDir('tfc-devidp-'));
  });

  it('verifies the dev IdP response and maps its attributes when the dev IdP stands in', async () => {
    const config = configWith({ DEV_IDP: 'on' });
    const { profile, returnTo } = await roundTrip(config, devKeys.cert, devKeys);
    assert.equal(returnTo, '/home');
    assert.deepEqual(profile, {
      nameId: 'persona:member-b',
      email: 'member-b@demo.taskforce.test',
      givenName: 'Blair',
      surname: 'Chen',
      taskForceCode: 'DEMO-B',
      discipline: 'victim_services',
      agency: 'Harbor Survivor Services',
    });
  });

  it('accepts responses from either certificate when SAML_IDP_CERT holds the next and the current one', async () => {
    const bundle = nextKeys.cert + devKeys.cert;
    const config = configWith({ DEV_IDP: 'off', SAML_IDP_CERT: bundle, SAML_IDP_ISSUER: devIdpEntityId({ PUBLIC_URL }), SAML_IDP_SSO_URL: `${PUBLIC_URL}/dev-idp/sso` });
    assert.equal((await roundTrip(config, bundle, devKeys)).profile.nameId, 'persona:member-b');
    assert.equal((await roundTrip(config, bundle, nextKeys)).profile.nameId, 'persona:member-b');
  });

  it('refuses a response when the signer is not among the configured certificates', async () => {
    const config = configWith({ DEV_IDP: 'off', SAML_IDP_CERT: nextKeys.cert, SAML_IDP_ISSUER: devIdpEntityId({ PUBLIC_URL }), SAML_IDP_SSO_URL: `${PUBLIC_URL}/dev-idp/sso` });
    assert.equal(await rejectionOf(roundTrip(config, nextKeys.cert, devKeys)), 'invalid_signature');
  });

  it('refuses every response when no IdP entity id is configured', async () => {
    const config = configWith({ DEV_IDP: 'off', SAML_IDP_CERT: devKeys.cert, SAML_IDP_SSO_URL: `${PUBLIC_URL}/dev-idp/sso` });
    assert.equal(await rejectionOf(roundTrip(config, devKeys.cert, devKeys)), 'issuer_not_configured');
  });

  it('refuses to start when the IdP certificate setting holds no certificate', () => {
    assert.throws(() => createSamlServiceProvider({ config: configWith({}), kv: memoryKeyValueStore(), idpCert: 'not a pem' }), /no PEM certificate/);
  });

  it('reads attributes under the configured names when the IdP uses other names', () => {
    const names = { SAML_ATTR_EMAIL: 'mail', SAML_ATTR_GIVEN_NAME: 'gn', SAML_ATTR_SURNAME: 'sn', SAML_ATTR_TASK_FORCE: 'tf', SAML_ATTR_DISCIPLINE: 'd', SAML_ATTR_AGENCY: 'ag' };
    const profile = { issuer: 'idp', nameID: ' id-1 ', nameIDFormat: 'x', attributes: { mail: 'a@b.test', gn: 'A', sn: 'B', tf: 'DEMO-A', d: 'prosecution' } };
    assert.deepEqual(mapSamlProfile(profile, names), { nameId: 'id-1', email: 'a@b.test', givenName: 'A', surname: 'B', taskForceCode: 'DEMO-A', discipline: 'prosecution', agency: undefined });
  });

  it('refuses a profile when the task force attribute has several values', () => {
    const names = loadConfig({ NODE_ENV: 'test' });
    const profile = { issuer: 'idp', nameID: 'id-1', nameIDFormat: 'x', attributes: { email: 'a@b.test', taskForceId: ['DEMO-A', 'TTA-STAFF'] } };
    assert.throws(() => mapSamlProfile(profile, names), (err: unknown) => isSamlRejection(err) && err.reason === 'missing_attribute');
  });

  it('accepts only local paths when checking returnTo values', () => {
    const table: [string, string | null][] = [
      ['/', '/'],
      ['/threads/1?x=%2F%2Fevil', '/threads/1?x=%2F%2Fevil'],
      ['//evil.example', null],
      ['/\\evil.example', null],
      ['https://evil.example/', null],
      ['javascript:alert(1)', null],
      ['/a b', null],
      ['/a\tb', null],
      ['', null],
      ['/'.padEnd(2000, 'a'), null],
    ];
    for (const [input, expected] of table) assert.equal(localPathOrNull(input), expected, JSON.stringify(input));
  });
});
