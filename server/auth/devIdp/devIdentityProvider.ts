import { randomUUID } from 'node:crypto';
import samlify from 'samlify';
import type { Config } from '../../config/env.js';
import { acsUrl, devIdpEntityId, devIdpSsoUrl, spEntityId } from '../saml/samlUrls.js';
import { readRedirectAuthnRequest } from './authnRequest.js';
import type { DevIdpKeys } from './keys.js';
import type { DevPersona } from './personas.js';
import { loginResponseTemplate } from './responseTemplate.js';

const RESPONSE_LIFETIME_MS = 5 * 60_000;
const PERSISTENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

export interface DevLoginRequest {
  requestId: string;
}

export interface DevLoginResponse {
  acsUrl: string;
  samlResponse: string;
}

export interface DevIdentityProvider {
  entityId: string;
  /** Reads an HTTP-Redirect AuthnRequest; throws when it is not one from our SP. */
  parseLoginRequest(samlRequest: unknown): DevLoginRequest;
  /** A login response for the persona, signed (assertion, then the whole response) with RSA-SHA256. */
  createLoginResponse(persona: DevPersona, requestId: string): Promise<DevLoginResponse>;
  /** IdP metadata: the entity id, SSO URL and signing certificate to register with an SP. */
  metadataXml(): string;
}

export function createDevIdentityProvider(config: Config, keys: DevIdpKeys): DevIdentityProvider {
  const { Constants } = samlify;
  const entityId = devIdpEntityId(config);
  const idp = samlify.IdentityProvider({
    entityID: entityId,
    privateKey: keys.key,
    signingCert: keys.cert,
    singleSignOnService: [{ Binding: Constants.namespace.binding.redirect, Location: devIdpSsoUrl(config) }],
    nameIDFormat: [PERSISTENT],
    requestSignatureAlgorithm: RSA_SHA256,
    wantAuthnRequestsSigned: false,
    isAssertionEncrypted: false,
  });
  // Only our own SP is known: responses go to its one ACS URL whatever a request names.
  const sp = samlify.ServiceProvider({
    entityID: spEntityId(config),
    assertionConsumerService: [{ Binding: Constants.namespace.binding.post, Location: acsUrl(config) }],
    wantAssertionsSigned: true,
    wantMessageSigned: true,
    authnRequestsSigned: false,
  });

  return {
    entityId,
    metadataXml: () => idp.getMetadata(),
    parseLoginRequest(samlRequest) {
      const request = readRedirectAuthnRequest(samlRequest);
      if (request.issuer !== spEntityId(config)) throw new Error('The AuthnRequest comes from an unknown SP');
      return { requestId: request.id };
    },
    async createLoginResponse(persona, requestId) {
      const now = new Date();
      const until = new Date(now.getTime() + RESPONSE_LIFETIME_MS).toISOString();
      const values = {
        ID: `_${randomUUID()}`,
        AssertionID: `_${randomUUID()}`,
        SessionIndex: `_${randomUUID()}`,
        IssueInstant: now.toISOString(),
        Destination: acsUrl(config),
        InResponseTo: requestId,
        Issuer: entityId,
        StatusCode: Constants.StatusCode.Success,
        NameIDFormat: PERSISTENT,
        NameID: persona.nameId,
        SubjectRecipient: acsUrl(config),
        SubjectConfirmationDataNotOnOrAfter: until,
        ConditionsNotBefore: now.toISOString(),
        ConditionsNotOnOrAfter: until,
        Audience: spEntityId(config),
        AttrEmail: persona.email,
        AttrGivenName: persona.givenName,
        AttrSurname: persona.surname,
        AttrTaskForce: persona.taskForceCode,
        AttrDiscipline: persona.discipline,
        AttrAgency: persona.agency,
      };
      const result = await idp.createLoginResponse(sp, { extract: { request: { id: requestId } } }, 'post', {}, {
        customTagReplacement: () => ({
          id: values.ID,
          context: samlify.SamlLib.replaceTagsByValue(loginResponseTemplate, values),
        }),
      });
      return { acsUrl: acsUrl(config), samlResponse: result.context };
    },
  };
}
