import { SAML, ValidateInResponseTo, type SamlConfig } from '@node-saml/passport-saml';
import type { Config } from '../../config/env.js';
import type { KeyValueStore } from '../../redis/kv.js';
import { readPemSetting } from './pemSetting.js';
import { mapSamlProfile, type SignInProfile } from './profileMapping.js';
import { claimAssertionId } from './replayGuard.js';
import { rejectionReasonOf } from './rejectionReason.js';
import { requestIdCache } from './requestIdCache.js';
import { precheckSamlResponse } from './responsePrecheck.js';
import { localPathOrNull } from './returnTo.js';
import { SamlRejection, isSamlRejection } from './samlRejection.js';
import { acsUrl, expectedIdpIssuer, idpSsoUrl, spEntityId, splitPemCertificates } from './samlUrls.js';
import { checkVerifiedResponse } from './verifiedResponseChecks.js';

/** Time rules for assertions: skew stays within the 60 s the issue allows; a login takes at most minutes. */
export const samlTiming = {
  clockSkewMs: 30_000,
  maxAssertionAgeMs: 5 * 60_000,
  requestIdTtlMs: 10 * 60_000,
} as const;

export interface SamlServiceProviderDeps {
  config: Config;
  kv: KeyValueStore;
  /** The IdP signing certificate(s) in PEM: current and next may be concatenated for rotation. */
  idpCert: string;
}

export interface VerifiedSignIn {
  profile: SignInProfile;
  returnTo: string;
}

export interface SamlServiceProvider {
  /** The IdP URL (HTTP-Redirect binding) carrying a fresh AuthnRequest whose id is remembered. */
  loginRedirectUrl(returnTo: string): Promise<string>;
  /** Validates a posted response completely or throws a SamlRejection. */
  verifyPostedResponse(form: { SAMLResponse?: unknown; RelayState?: unknown }): Promise<VerifiedSignIn>;
  metadataXml(): string;
}

/** Keeps the XML that node-saml's signature check returned, so our own checks read only verified bytes. */
class VerifiedXmlCapturingSaml extends SAML {
  verifiedResponseXml: string | null = null;

  protected override async getSignedAssertion(signedXml: string): Promise<string | null> {
    this.verifiedResponseXml = signedXml;
    return super.getSignedAssertion(signedXml);
  }
}

export function createSamlServiceProvider({ config, kv, idpCert }: SamlServiceProviderDeps): SamlServiceProvider {
  const certificates = splitPemCertificates(idpCert);
  if (certificates.length === 0) throw new Error('The IdP certificate setting holds no PEM certificate');
  const spKey = config.SAML_SP_KEY ? readPemSetting(config.SAML_SP_KEY) : undefined;
  const spCert = config.SAML_SP_CERT ? readPemSetting(config.SAML_SP_CERT) : undefined;
  const entryPoint = idpSsoUrl(config);

  const options: SamlConfig = {
    entryPoint,
    issuer: spEntityId(config),
    callbackUrl: acsUrl(config),
    audience: spEntityId(config),
    idpCert: certificates,
    idpIssuer: expectedIdpIssuer(config),
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: true,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: samlTiming.requestIdTtlMs,
    cacheProvider: requestIdCache(kv, samlTiming.requestIdTtlMs),
    acceptedClockSkewMs: samlTiming.clockSkewMs,
    maxAssertionAgeMs: samlTiming.maxAssertionAgeMs,
    signatureAlgorithm: 'sha256',
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    identifierFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    disableRequestedAuthnContext: true,
    ...(spKey ? { privateKey: spKey, decryptionPvk: spKey } : {}),
    ...(spCert ? { publicCert: spCert } : {}),
  };
  const expectations = {
    acsUrl: acsUrl(config),
    idpIssuer: expectedIdpIssuer(config),
    maxAssertionAgeMs: samlTiming.maxAssertionAgeMs,
    clockSkewMs: samlTiming.clockSkewMs,
  };

  async function verifyPostedResponse(form: { SAMLResponse?: unknown; RelayState?: unknown }): Promise<VerifiedSignIn> {
    const returnTo = form.RelayState === undefined || form.RelayState === '' ? '/' : localPathOrNull(form.RelayState);
    // Our login route only ever sends safe RelayState values, so an unsafe one was put there by someone else.
    if (returnTo === null) throw new SamlRejection('unsafe_relay_state', 400);
    const rawXml = precheckSamlResponse(form.SAMLResponse);
    try {
      // One instance per response: the captured verified XML must never mix between concurrent sign-ins.
      const saml = new VerifiedXmlCapturingSaml(options);
      const { profile } = await saml.validatePostResponseAsync({ SAMLResponse: form.SAMLResponse as string });
      if (!profile || !saml.verifiedResponseXml) throw new SamlRejection('invalid_response');
      const facts = checkVerifiedResponse(saml.verifiedResponseXml, expectations);
      if (!(await claimAssertionId(kv, facts.issuer, facts.assertionId, facts.acceptedUntilMs))) {
        throw new SamlRejection('assertion_replayed');
      }
      return { profile: mapSamlProfile(profile, config), returnTo };
    } catch (err) {
      if (isSamlRejection(err)) throw err;
      throw new SamlRejection(rejectionReasonOf(err, rawXml, samlTiming));
    }
  }

  return {
    async loginRedirectUrl(returnTo) {
      if (!entryPoint) throw new Error('No IdP SSO URL is configured (SAML_IDP_SSO_URL)');
      return new SAML(options).getAuthorizeUrlAsync(returnTo, undefined, {});
    },
    verifyPostedResponse,
    metadataXml: () => new SAML(options).generateServiceProviderMetadata(spCert ?? null, spCert ?? null),
  };
}
