import type { Config } from '../../config/env.js';

type UrlConfig = Pick<Config, 'PUBLIC_URL' | 'SAML_SP_ENTITY_ID'>;

/** The one ACS URL: AuthnRequests name it, and Destination and Recipient must equal it exactly. */
export const acsUrl = (config: Pick<Config, 'PUBLIC_URL'>): string => `${config.PUBLIC_URL}/auth/saml/acs`;

export const spEntityId = (config: UrlConfig): string => config.SAML_SP_ENTITY_ID ?? `${config.PUBLIC_URL}/auth/saml/metadata`;

export const devIdpEntityId = (config: Pick<Config, 'PUBLIC_URL'>): string => `${config.PUBLIC_URL}/dev-idp/metadata`;

export const devIdpSsoUrl = (config: Pick<Config, 'PUBLIC_URL'>): string => `${config.PUBLIC_URL}/dev-idp/sso`;

/** The development IdP stands in for the real one when it is on and no real IdP certificate is configured. */
export const usesDevIdp = (config: Pick<Config, 'DEV_IDP' | 'SAML_IDP_CERT' | 'isProduction'>): boolean =>
  config.DEV_IDP && !config.isProduction && !config.SAML_IDP_CERT;

type IdpConfig = Pick<Config, 'PUBLIC_URL' | 'DEV_IDP' | 'SAML_IDP_CERT' | 'SAML_IDP_ISSUER' | 'SAML_IDP_SSO_URL' | 'isProduction'>;

/** The entity id every assertion's Issuer must carry; undefined when none is known (then all are refused). */
export const expectedIdpIssuer = (config: IdpConfig): string | undefined =>
  config.SAML_IDP_ISSUER ?? (usesDevIdp(config) ? devIdpEntityId(config) : undefined);

export const idpSsoUrl = (config: IdpConfig): string | undefined =>
  usesDevIdp(config) ? (config.SAML_IDP_SSO_URL ?? devIdpSsoUrl(config)) : config.SAML_IDP_SSO_URL;

/** Splits a PEM bundle (current and next IdP certificates, concatenated) into single certificates. */
export function splitPemCertificates(bundle: string): string[] {
  return bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
