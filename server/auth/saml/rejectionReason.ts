import { SAML_NS, childElements, onlyChild, parseStrictXml } from './samlXml.js';
import { isSamlRejection, type SamlRejectionReason } from './samlRejection.js';

export interface TimingRules {
  clockSkewMs: number;
  maxAssertionAgeMs: number;
}

/**
 * Which time rule an assertion broke, read from the raw (unverified) XML. Used only to word the audit
 * reason of a response that node-saml has already refused, never to accept anything.
 */
function explainTimeFailure(rawXml: string, rules: TimingRules, nowMs: number): SamlRejectionReason {
  try {
    const assertion = onlyChild(parseStrictXml(rawXml).documentElement!, SAML_NS, 'Assertion');
    if (!assertion) return 'assertion_expired';
    const subject = onlyChild(assertion, SAML_NS, 'Subject');
    const windows = [onlyChild(assertion, SAML_NS, 'Conditions')];
    for (const confirmation of subject ? childElements(subject, SAML_NS, 'SubjectConfirmation') : []) {
      windows.push(onlyChild(confirmation, SAML_NS, 'SubjectConfirmationData'));
    }
    const at = (value: string | null | undefined) => (value ? Date.parse(value) : NaN);
    if (windows.some((w) => at(w?.getAttribute('NotBefore')) > nowMs + rules.clockSkewMs)) return 'assertion_not_yet_valid';
    if (windows.some((w) => at(w?.getAttribute('NotOnOrAfter')) <= nowMs - rules.clockSkewMs)) return 'assertion_expired';
    if (at(assertion.getAttribute('IssueInstant')) + rules.maxAssertionAgeMs <= nowMs - rules.clockSkewMs) return 'assertion_too_old';
  } catch {
    // Unparseable XML was refused earlier; fall through to the generic reason.
  }
  return 'assertion_expired';
}

/** Maps a failure from node-saml (plain Errors) to the audit reason code; the HTTP answer is 403 regardless. */
export function rejectionReasonOf(err: unknown, rawXml: string, rules: TimingRules, nowMs = Date.now()): SamlRejectionReason {
  if (isSamlRejection(err)) return err.reason;
  const message = err instanceof Error ? err.message : '';
  if (/InResponseTo is missing/i.test(message)) return 'unsolicited_response';
  if (/InResponseTo/i.test(message)) return 'in_response_to_mismatch';
  if (/signature|multiple assertions/i.test(message)) return 'invalid_signature';
  if (/too old/i.test(message)) return 'assertion_too_old';
  if (/expired/i.test(message)) return 'assertion_expired';
  if (/not yet valid/i.test(message)) return 'assertion_not_yet_valid';
  if (/no valid subject confirmation/i.test(message)) return explainTimeFailure(rawXml, rules, nowMs);
  if (/audience/i.test(message)) return 'wrong_audience';
  if (/SAML provider returned/i.test(message)) return 'status_not_success';
  return 'invalid_response';
}
