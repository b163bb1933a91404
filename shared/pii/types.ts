export const piiKinds = [
  'phone', 'ssn', 'date_of_birth', 'street_address', 'email', 'case_number', 'name_with_age',
] as const;

export type PiiKind = (typeof piiKinds)[number];

/**
 * One likely victim-identifying detail: a span of UTF-16 offsets into the checked text, `text.slice(start, end)`.
 * It deliberately carries no copy of the text, so a match can be logged or returned without leaking it.
 */
export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
}

export type PiiDetector = (text: string) => PiiMatch[];
