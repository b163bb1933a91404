import { spansOf } from './spans.js';
import type { PiiMatch } from './types.js';

// Area 000, 666 and 900-999, group 00 and serial 0000 are never issued, so such numbers are something else.
const validSsnParts = '(?!000|666|9\\d\\d)\\d{3}(?<sep>[- ])(?!00)\\d{2}\\k<sep>(?!0000)\\d{4}';
const formattedSsn = new RegExp(`(?<![\\w.\\-/$])(?<pii>${validSsnParts})(?![\\w\\-/]|[.,]\\d)`);
// Nine bare digits are an SSN only when announced as one.
const cuedSsn = /\b(?:SSN|SS#|social\s+security(?:\s+(?:number|no\.?|#))?)\s*[:#]?\s*(?<pii>(?!000|666|9\d\d)\d{9})(?!\d)/i;

export function detectSsns(text: string): PiiMatch[] {
  const formatted = spansOf(text, formattedSsn, 'ssn');
  const cued = spansOf(text, cuedSsn, 'ssn');
  return [...formatted, ...cued];
}

// An identifier: starts with a letter or digit, holds at least three digits ("tip #1" is advice, not a record), may
// use - : / and letters (A23-55810, 3:23-cr-00412, 2023-00417). The cue word is left out of the span.
const identifier = '(?<pii>(?=(?:[A-Z:/-]*\\d){3})[A-Z0-9](?:[A-Z0-9:/-]*[A-Z0-9])?)';
const caseCue =
  '\\b(?:case|report|incident|complaint|file|docket|cad|event|offense|arrest|booking|ticket|referral|intake|client|cybertip(?:line)?|tip)\\s*(?:#|no\\b\\.?|num\\b\\.?|number|id\\b)\\s*:?\\s*';
const cuedCaseNumber = new RegExp(`${caseCue}${identifier}`, 'i');
// Agency prefixes written with the number: DR# 22-091344, RD #5512, IR# 7731.
const agencyPrefixed = new RegExp(`\\b(?:DR|RD|IR|CR)\\s?#\\s*${identifier}`, 'i');
// Self-describing formats: CR-2024-001873, CV-23-0042, and federal dockets such as 3:23-cr-00412.
const selfDescribing = /(?<![\w-])(?<pii>(?:CR|CV|DR|RD|IR|JV|FC)-\d{2,4}-\d{3,}|\d:\d{2}-(?:cr|cv|mj|mc|po)-\d{3,6})(?![\w-])/i;

export function detectCaseNumbers(text: string): PiiMatch[] {
  return [
    ...spansOf(text, cuedCaseNumber, 'case_number'),
    ...spansOf(text, agencyPrefixed, 'case_number'),
    ...spansOf(text, selfDescribing, 'case_number'),
  ];
}
