import { detectEmails, detectPhones } from './contact.js';
import { detectDatesOfBirth } from './dateOfBirth.js';
import { detectCaseNumbers, detectSsns } from './identifiers.js';
import { detectNamesWithAge } from './nameWithAge.js';
import { detectStreetAddresses } from './streetAddress.js';
import type { PiiDetector, PiiMatch } from './types.js';

export type { PiiKind, PiiMatch } from './types.js';
export { piiKinds } from './types.js';

const detectors: PiiDetector[] = [
  detectPhones, detectSsns, detectDatesOfBirth, detectStreetAddresses, detectEmails, detectCaseNumbers, detectNamesWithAge,
];

/**
 * Likely victim-identifying details in `text`, in order of position. Pure and synchronous: the client runs it as
 * the member types, and the server runs the same rules before storing and decides. Spans only, never the text.
 * Overlapping spans of different kinds are all kept (a name with a birth date is both), so the caller can say why.
 */
export function detectPii(text: string): PiiMatch[] {
  const seen = new Set<string>();
  const matches: PiiMatch[] = [];
  for (const detect of detectors) {
    for (const match of detect(text)) {
      const key = `${match.kind}:${match.start}:${match.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      matches.push(match);
    }
  }
  return matches.sort((a, b) => a.start - b.start || a.end - b.end);
}
