import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { SignedXml } from 'xml-crypto';
import { ensureDevIdpKeys, generateSigningKeys, type DevIdpKeys } from '../../server/auth/devIdp/keys.js';
import type { DevPersonaId } from '../../server/auth/devIdp/personas.js';
import { AuditEntry } from '../../server/db/models/AuditEntry.js';
import type { TestApp } from './app.js';

type Agent = InstanceType<typeof TestAgent>;

const ACS_PATH = '/auth/saml/acs';
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
export const algorithms = {
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  rsaSha1: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  sha1: 'http://www.w3.org/2000/09/xmldsig#sha1',
} as const;

/** What the dev IdP's auto-submit page would post to the ACS. */
export interface PostedResponse {
  samlResponse: string;
  relayState: string;
}

const unescapeHtml = (value: string): string =>
  value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The value of a hidden input of an HTML page, as a browser would submit it. */
function hiddenValue(html: string, name: string): string {
  const match = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  assert.ok(match, `the page has a hidden ${name} input`);
  return unescapeHtml(match[1]);
}

/**
 * The real flow over HTTP up to the IdP's auto-submit page: GET /auth/saml/login, follow the redirect to the
 * dev IdP, pick the persona, read the form. Returns what the browser would post to the ACS, without posting it.
 */
export async function fetchSignedResponse(agent: Agent, persona: DevPersonaId, opts: { returnTo?: string } = {}): Promise<PostedResponse> {
  const login = await agent.get('/auth/saml/login').query(opts.returnTo === undefined ? {} : { returnTo: opts.returnTo }).expect(302);
  const sso = new URL(login.headers.location);
  assert.equal(sso.pathname, '/dev-idp/sso');
  const picker = await agent.get(sso.pathname + sso.search).expect(200);
  const posted = await agent
    .post('/dev-idp/sso')
    .type('form')
    .send({ SAMLRequest: hiddenValue(picker.text, 'SAMLRequest'), RelayState: hiddenValue(picker.text, 'RelayState'), persona })
    .expect(200);
  const action = /<form method="post" action="([^"]+)"/.exec(posted.text);
  assert.ok(action, 'the IdP page holds a form posting to the ACS');
  assert.equal(new URL(unescapeHtml(action[1])).pathname, ACS_PATH);
  return { samlResponse: hiddenValue(posted.text, 'SAMLResponse'), relayState: hiddenValue(posted.text, 'RelayState') };
}

/** Posts to the ACS as the browser would; a per-call user agent lets a test find its own audit entry. */
export function postToAcs(agent: Agent, posted: PostedResponse, userAgent = `saml-test-${randomBytes(6).toString('hex')}`) {
  return agent.post(ACS_PATH).set('User-Agent', userAgent).type('form').send({ SAMLResponse: posted.samlResponse, RelayState: posted.relayState });
}

export interface AcsAttempt {
  res: Response;
  userAgent: string;
}

/** Posts to the ACS with a user agent of its own, by which expectRejected finds the attempt's audit entry. */
export async function attemptAcs(agent: Agent, posted: PostedResponse): Promise<AcsAttempt> {
  const userAgent = `saml-attack-${randomBytes(6).toString('hex')}`;
  return { res: await postToAcs(agent, posted, userAgent), userAgent };
}

/** Signs in as a dev IdP persona through the real SAML flow; resolves to the ACS response. */
export async function signInAs(agent: Agent, persona: DevPersonaId, opts: { returnTo?: string } = {}): Promise<Response> {
  return postToAcs(agent, await fetchSignedResponse(agent, persona, opts));
}

export const decodeResponse = (samlResponse: string): string => Buffer.from(samlResponse, 'base64').toString('utf8');
export const encodeResponse = (xml: string): string => Buffer.from(xml, 'utf8').toString('base64');

/** The development IdP's real key and certificate, read from the test app's DATA_DIR. */
export const idpKeysOf = (app: TestApp): Promise<DevIdpKeys> => ensureDevIdpKeys(app.config.DATA_DIR);

let attacker: DevIdpKeys | undefined;
/** A second key pair with a self-signed certificate: what an attacker can make, but the SP does not trust. */
export function attackerKeys(): DevIdpKeys {
  attacker ??= generateSigningKeys('Task Force Connect development IdP');
  return attacker;
}

/** Removes every XML signature (what an attacker does before editing signed content). */
export function stripSignatures(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const signatures = Array.from(doc.getElementsByTagNameNS(DSIG, 'Signature'));
  for (const signature of signatures) signature.parentNode?.removeChild(signature);
  return new XMLSerializer().serializeToString(doc);
}

export interface SignOptions {
  keys: DevIdpKeys;
  signAssertion?: boolean;
  signResponse?: boolean;
  /** Put the signer's certificate in KeyInfo (default true). */
  keyInfo?: boolean;
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
}

function signAt(xml: string, target: string, issuerPath: string, opts: SignOptions): string {
  const sig = new SignedXml({
    privateKey: opts.keys.key,
    publicCert: opts.keys.cert,
    signatureAlgorithm: opts.signatureAlgorithm ?? algorithms.rsaSha256,
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
    ...(opts.keyInfo === false ? { getKeyInfoContent: SignedXml.noop } : {}),
  });
  sig.addReference({
    xpath: target,
    digestAlgorithm: opts.digestAlgorithm ?? algorithms.sha256,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  sig.computeSignature(xml, { prefix: 'ds', location: { reference: issuerPath, action: 'after' } });
  return sig.getSignedXml();
}

/**
 * Signs a response the way an IdP does (assertion first, then the whole response), as node-saml's own tests
 * build theirs with xml-crypto. Strips existing signatures first, so any edit can be re-signed.
 */
export function signResponse(xml: string, opts: SignOptions): string {
  let signed = stripSignatures(xml);
  if (opts.signAssertion !== false) {
    signed = signAt(signed, "/*[local-name(.)='Response']/*[local-name(.)='Assertion']", "/*[local-name(.)='Response']/*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", opts);
  }
  if (opts.signResponse !== false) {
    signed = signAt(signed, "/*[local-name(.)='Response']", "/*[local-name(.)='Response']/*[local-name(.)='Issuer']", opts);
  }
  return signed;
}

/** A fake IdP clock: moves every instant in the response by `ms`, as an IdP whose clock is off would write it. */
export function shiftInstants(xml: string, ms: number, only?: RegExp): string {
  return xml.replace(/(\w+)="(\d{4}-\d\d-\d\dT[\d:.]+Z)"/g, (whole, name: string, instant: string) =>
    only && !only.test(name) ? whole : `${name}="${new Date(Date.parse(instant) + ms).toISOString()}"`,
  );
}

/** Edits a genuine response and re-signs it with the real IdP key: only our own extra checks can catch it. */
export function editAndResign(posted: PostedResponse, keys: DevIdpKeys, edit: (xml: string) => string, opts: Partial<SignOptions> = {}): PostedResponse {
  return { ...posted, samlResponse: encodeResponse(signResponse(edit(decodeResponse(posted.samlResponse)), { keys, ...opts })) };
}

/** Edits the decoded response without re-signing (what an attacker without the IdP key can do). */
export function editOnly(posted: PostedResponse, edit: (xml: string) => string): PostedResponse {
  return { ...posted, samlResponse: encodeResponse(edit(decodeResponse(posted.samlResponse))) };
}

/**
 * Asserts the ACS refused the response: a 4xx HTML page (never a 500), no session on this agent, and an
 * `auth.signin_failed` audit entry with the expected reason and nothing from the assertion in it.
 */
export async function expectRejected(agent: Agent, { res, userAgent }: AcsAttempt, reason: string, status: 400 | 403 = 403): Promise<void> {
  assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${res.text.slice(0, 200)}`);
  assert.match(res.headers['content-type'], /text\/html/);
  assert.equal(res.headers['set-cookie'], undefined, 'no session cookie is set');
  await agent.get('/api/me').expect(401);
  const entry = await AuditEntry.findOne({ action: 'auth.signin_failed', userAgent }).lean();
  assert.ok(entry, 'an audit entry records the failed sign-in');
  assert.equal(entry.outcome, 'failure');
  assert.deepEqual(entry.details, { reason });
}
