/** Short, stable reason codes written to the audit log for a refused SAML response (never assertion content). */
export type SamlRejectionReason =
  | 'malformed_request'
  | 'malformed_xml'
  | 'forbidden_xml_construct'
  | 'weak_algorithm'
  | 'invalid_signature'
  | 'status_not_success'
  | 'unsolicited_response'
  | 'in_response_to_mismatch'
  | 'assertion_expired'
  | 'assertion_not_yet_valid'
  | 'assertion_too_old'
  | 'wrong_audience'
  | 'wrong_destination'
  | 'wrong_recipient'
  | 'wrong_issuer'
  | 'issuer_not_configured'
  | 'invalid_subject'
  | 'assertion_replayed'
  | 'missing_attribute'
  | 'unsafe_relay_state'
  | 'invalid_response';

/** A SAML response that was refused; the ACS answers 4xx with a plain page and audits the reason. */
export class SamlRejection extends Error {
  constructor(
    readonly reason: SamlRejectionReason,
    readonly status: 400 | 403 = 403,
  ) {
    super(`SAML response rejected: ${reason}`);
    this.name = 'SamlRejection';
  }
}

export const isSamlRejection = (value: unknown): value is SamlRejection => value instanceof SamlRejection;
