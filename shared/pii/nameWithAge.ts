import { birthCue, fullDate } from './dates.js';
import { spansOf } from './spans.js';
import type { PiiMatch } from './types.js';

// Capitalised words that start sentences or name places, months and organisations: "In March, 12 officers" or
// "Task Force, 12 agencies" are not a person and an age.
const notNames = new Set([
  'a', 'an', 'the', 'in', 'on', 'at', 'by', 'for', 'from', 'since', 'our', 'we', 'their', 'his', 'her', 'my', 'and',
  'of', 'to', 'task', 'force', 'county', 'city', 'state', 'room', 'suite', 'section', 'page', 'rule', 'version',
  'operation', 'team', 'unit', 'tier', 'phase', 'step', 'week', 'day', 'year', 'grade', 'level', 'chapter', 'title',
  'then', 'when', 'while', 'after', 'before', 'also', 'with', 'victim', 'survivor', 'minor', 'fy',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

const nameWord = "[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?";
// The first word may not be a sentence starter such as "Interviewed" or "The": the match then begins a word later.
const notFirstWord = `(?!(?:${[...notNames].map((word) => word[0].toUpperCase() + word.slice(1)).join('|')}|[A-Z][a-z]+(?:ed|ing))\\b)`;
const fullName = `(?<![\\w'’-])${notFirstWord}${nameWord}(?:\\s+(?:[A-Z]\\.\\s+)?${nameWord}){1,2}`;

// An age is 1-2 digits that is not the start of a longer number, a time, a percentage or a count of something.
const bareAge = '\\d{1,2}(?![\\d:%.,]\\d|\\s*(?:%|am\\b|pm\\b|[a-z]))';
const yearsOld = '\\d{1,2}[\\s-]*(?:years?|yrs?)[\\s-]*old|\\d{1,2}\\s*(?:y/?o|yo)\\b';
const ageAfterName = [
  `,\\s*(?:${yearsOld})`, // Ashley Nguyen, 17 years old
  `,\\s*aged?\\s*\\d{1,2}\\b`, // Carlos Mendez, aged 19
  `\\s+aged?\\s*\\d{1,2}\\b`, // John Smith age 15
  `\\s*\\(\\s*(?:aged?\\s*)?\\d{1,2}\\s*(?:y/?o|yo)?\\s*\\)`, // Destiny Williams (14)
  `,\\s*${bareAge}(?=\\s*(?:[,;.)]|$|and\\b|was\\b|is\\b|who\\b|from\\b|of\\b))`, // Maria Lopez, 16, was…
  `\\s*[,(]?\\s*${birthCue}\\s*[:\\-]?\\s*(?:on\\s+)?${fullDate}\\)?`, // Jane Doe (DOB 3/4/2008)
].join('|');

const nameWithAge = new RegExp(`(?<pii>(?<name>${fullName})(?:${ageAfterName}))`);

/** A full name right next to an age or a birth date: the combination that identifies a minor victim. */
export function detectNamesWithAge(text: string): PiiMatch[] {
  return spansOf(text, nameWithAge, 'name_with_age', (_matched, match) => looksLikePersonName(match.groups?.name ?? ''));
}

function looksLikePersonName(name: string): boolean {
  return name.split(/\s+/).every((word) => !notNames.has(word.replace(/[.'’]/g, '').toLowerCase()));
}
