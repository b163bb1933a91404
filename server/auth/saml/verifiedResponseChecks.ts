import type { Element } from '@xmldom/xmldom';
import { SAML_NS, SAMLP_NS, childElements, onlyChild, parseStrictXml, textOf } from './samlXml.js';
import { SamlRejection } from './samlRejection.js';

const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const MAX_ID_LENGTH = 256;

export interface VerifiedResponseExpectations {
  acsUrl: string;
  /** The IdP's entity id; undefined means none is configured, and every response is refused. */
  idpIssuer: string | undefined;
  maxAssertionAgeMs: number;
  clockSkewMs: number;
}

export interface VerifiedAssertionFacts {
  assertionId: string;
  issuer: string;
  /** The last instant (ms) at which node-saml would still accept this assertion. */
  acceptedUntilMs: number;
}

function timeOf(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** Checks every bearer confirmation; returns the latest instant any of them allows (null: no limit). */
function checkSubjectConfirmations(assertion: Element, acsUrl: string): number | null {
  const subject = onlyChild(assertion, SAML_NS, 'Subject');
  const confirmations = subject ? childElements(subject, SAML_NS, 'SubjectConfirmation') : [];
  if (!subject || confirmations.length === 0) throw new SamlRejection('invalid_subject');
  let latest: number | null = -Infinity;
  for (const confirmation of confirmations) {
    if (confirmation.getAttribute('Method') !== BEARER) throw new SamlRejection('invalid_subject');
    const data = onlyChild(confirmation, SAML_NS, 'SubjectConfirmationData');
    if (!data || data.getAttribute('Recipient') !== acsUrl) throw new SamlRejection('wrong_recipient');
    const until = timeOf(data.getAttribute('NotOnOrAfter'));
    // node-saml accepts through whichever confirmation is still valid, so the latest one bounds the replay window.
    latest = until === null || latest === null ? null : Math.max(latest, until);
  }
  return latest;
}

/**
 * The checks node-saml 5 leaves to us, made on the XML its signature check returned (never on the raw
 * post): Destination, Status, Response and assertion Issuer, bearer Recipient, and the assertion id and
 * lifetime that the replay guard needs.
 */
export function checkVerifiedResponse(verifiedResponseXml: string, expect: VerifiedResponseExpectations): VerifiedAssertionFacts {
  const response = parseStrictXml(verifiedResponseXml).documentElement;
  if (!response || response.namespaceURI !== SAMLP_NS || response.localName !== 'Response') {
    throw new SamlRejection('invalid_response');
  }
  if (response.getAttribute('Destination') !== expect.acsUrl) throw new SamlRejection('wrong_destination');

  const status = onlyChild(response, SAMLP_NS, 'Status');
  const statusCode = status ? onlyChild(status, SAMLP_NS, 'StatusCode') : null;
  if (statusCode?.getAttribute('Value') !== SUCCESS) throw new SamlRejection('status_not_success');

  if (!expect.idpIssuer) throw new SamlRejection('issuer_not_configured');
  const responseIssuer = childElements(response, SAML_NS, 'Issuer');
  if (responseIssuer.length > 1 || (responseIssuer.length === 1 && textOf(responseIssuer[0]) !== expect.idpIssuer)) {
    throw new SamlRejection('wrong_issuer');
  }

  const assertion = onlyChild(response, SAML_NS, 'Assertion');
  if (!assertion) throw new SamlRejection('invalid_response');
  const issuer = textOf(onlyChild(assertion, SAML_NS, 'Issuer'));
  if (issuer !== expect.idpIssuer) throw new SamlRejection('wrong_issuer');

  const assertionId = assertion.getAttribute('ID') ?? '';
  if (!assertionId || assertionId.length > MAX_ID_LENGTH) throw new SamlRejection('invalid_response');

  const subjectUntil = checkSubjectConfirmations(assertion, expect.acsUrl);
  const limits = subjectUntil === null ? [] : [subjectUntil];
  const conditions = onlyChild(assertion, SAML_NS, 'Conditions');
  const conditionsUntil = timeOf(conditions?.getAttribute('NotOnOrAfter'));
  if (conditionsUntil !== null) limits.push(conditionsUntil);
  const issuedAt = timeOf(assertion.getAttribute('IssueInstant'));
  if (issuedAt === null) throw new SamlRejection('invalid_response');
  limits.push(issuedAt + expect.maxAssertionAgeMs);

  return { assertionId, issuer, acceptedUntilMs: Math.min(...limits) + expect.clockSkewMs };
}
