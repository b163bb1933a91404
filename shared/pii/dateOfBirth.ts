import { birthCue, fullDate, monthYear } from './dates.js';
import { spansOf } from './spans.js';
import type { PiiMatch } from './types.js';

// A date alone is a meeting, a filing or an MOU; it becomes a date of birth next to a cue. The cue may be followed
// by a colon, a dash, "on" or an opening parenthesis, within a few characters.
const cuedDate = new RegExp(`${birthCue}\\s*[:\\-–(]?\\s*(?:on\\s+|in\\s+)?(?<pii>${fullDate}|${monthYear})`, 'i');

// Or followed by the person's age: "3/4/2008 (age 16)", "03/14/2008, 17 y/o".
const ageCue = '\\s*[,(]?\\s*(?:age|aged)\\s*\\d{1,2}\\b|\\s*[,(]\\s*\\d{1,2}\\s*(?:y/?o|yrs?\\s+old|years?\\s+old)\\b';
const dateWithAge = new RegExp(`(?<![\\w/.-])(?<pii>${fullDate})(?=${ageCue})`, 'i');

export function detectDatesOfBirth(text: string): PiiMatch[] {
  return [...spansOf(text, cuedDate, 'date_of_birth'), ...spansOf(text, dateWithAge, 'date_of_birth')];
}
