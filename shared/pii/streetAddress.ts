import { spansOf } from './spans.js';
import type { PiiMatch } from './types.js';

const suffix =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter|Circle|Cir|' +
  'Highway|Hwy|Parkway|Pkwy|Trail|Trl|Square|Sq|Loop|Pike|Alley|Row)';
const direction = '(?:[NSEW]\\.?|North|South|East|West|NE|NW|SE|SW)';
// Street names are capitalised words or ordinals ("Desert Inn", "42nd"); lower-case words end the match, which keeps
// "24 beds and a kitchen" or "15 and US-93 corridors" out.
const nameWord = "(?:[A-Z][A-Za-z'’.-]*|\\d{1,3}(?:st|nd|rd|th))";
const unit = "(?:\\.?,?\\s*(?:Apt\\.?|Apartment|Unit|Suite|Ste\\.?|Room|Rm\\.?|Lot|#)\\s*#?\\s*[A-Z0-9][A-Z0-9-]*)";

// House number (1-6 digits, optionally 12B or 12-14), optional direction, 1-4 name words, a suffix, optional unit.
const address = new RegExp(
  `(?<![\\w.,$/:#-])\\d{1,6}[A-Z]?(?:-\\d{1,5})?\\s+(?:${direction}\\s+)?(?:${nameWord}\\s+){1,4}?${suffix}\\b${unit}?`,
);

// The abbreviation's dot is left out of the span: at a sentence end it is also the full stop.
export function detectStreetAddresses(text: string): PiiMatch[] {
  return spansOf(text, address, 'street_address');
}
