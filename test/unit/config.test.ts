import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../server/config/env.js';

const production = {
  NODE_ENV: 'production',
  MONGODB_URI: 'mongodb://db.internal:27017/tfc?replicaSet=rs0',
  REDIS_URL: 'redis://cache.internal:6379',
  SESSION_SECRET: 'x'.repeat(48),
  SAML_IDP_CERT: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
  SAML_IDP_SSO_URL: 'https://idp.example.org/sso',
  SAML_IDP_ISSUER: 'https://idp.example.org/metadata',
  PUBLIC_URL: 'https://connect.example.org',
};

const problemsOf = (env: Record<string, string | undefined>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems;
  }
};

describe('configuration', () => {
  it('uses embedded defaults when nothing is set outside production', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 3000);
    assert.equal(config.PUBLIC_URL, 'http://localhost:3000');
    assert.equal(config.DEV_IDP, true);
    assert.equal(config.DEMO_DATA, true);
    assert.equal(config.MONGODB_URI, undefined);
    assert.equal(config.MAX_UPLOAD_MB, 25);
  });

  it('turns demo data off by default when MONGODB_URI is given', () => {
    assert.equal(loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1:27017/x' }).DEMO_DATA, false);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig(production);
    assert.equal(config.isProduction, true);
    assert.equal(config.DEV_IDP, false);
    assert.equal(config.DEMO_DATA, false);
  });

  for (const name of ['MONGODB_URI', 'REDIS_URL', 'SESSION_SECRET', 'SAML_IDP_CERT', 'SAML_IDP_SSO_URL', 'SAML_IDP_ISSUER', 'PUBLIC_URL']) {
    it(`refuses production without ${name} and names it`, () => {
      const problems = problemsOf({ ...production, [name]: undefined });
      assert.ok(problems.some((p) => p.includes(name)), problems.join('; '));
    });
  }

  it('refuses production on a plain http PUBLIC_URL', () => {
    assert.ok(problemsOf({ ...production, PUBLIC_URL: 'http://connect.example.org' }).some((p) => p.includes('https')));
  });

  it('refuses the development IdP and demo data in production', () => {
    const problems = problemsOf({ ...production, DEV_IDP: 'on', DEMO_DATA: 'on' });
    assert.ok(problems.some((p) => p.includes('DEV_IDP')));
    assert.ok(problems.some((p) => p.includes('DEMO_DATA')));
  });

  it('names a malformed variable', () => {
    const problems = problemsOf({ PORT: 'eighty', REDIS_URL: 'http://nope' });
    assert.ok(problems.some((p) => p.startsWith('PORT')));
    assert.ok(problems.some((p) => p.startsWith('REDIS_URL')));
  });

  it('reads ADMIN_EMAILS as a lower-cased list', () => {
    assert.deepEqual(loadConfig({ ADMIN_EMAILS: 'A@x.org, b@y.org' }).ADMIN_EMAILS, ['a@x.org', 'b@y.org']);
  });
});
