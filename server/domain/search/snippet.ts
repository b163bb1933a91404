import { newStemmer } from 'snowball-stemmers';
import { excerpt } from '../../content/render.js';

// The text index stems with Snowball English (Porter2), so "interviews" finds "interview"; the snippet locates
// the match the same way.
const english = newStemmer('english');
const wordPattern = /[\p{L}\p{N}]+/gu;
const snippetLength = 200;

/** The words (stemmed) and quoted phrases of a search. */
export interface SearchTerms {
  stems: Set<string>;
  phrases: string[];
}

/** The words and quoted phrases of a search a snippet can point at; negated ones (`-word`, `-"a b"`) are skipped. */
export function searchTerms(q: string): SearchTerms {
  const phrases: string[] = [];
  const rest = q.replace(/(-?)"([^"]*)"/g, (_, minus: string, phrase: string) => {
    if (!minus && phrase.trim()) phrases.push(phrase.trim().toLowerCase());
    return ' ';
  });
  const words = rest.split(/\s+/).filter((w) => w && !w.startsWith('-'));
  const stems = new Set(words.flatMap((w) => [...w.toLowerCase().matchAll(wordPattern)].map((m) => english.stem(m[0]))));
  return { stems, phrases };
}

/** Where the first phrase or stemmed word of the search occurs in `text`, or -1. */
function firstMatch(text: string, terms: SearchTerms): number {
  const lower = text.toLowerCase();
  let first = -1;
  for (const phrase of terms.phrases) {
    const at = lower.indexOf(phrase);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  for (const word of lower.matchAll(wordPattern)) {
    if (first >= 0 && word.index >= first) break;
    if (terms.stems.has(english.stem(word[0]))) return word.index;
  }
  return first;
}

/**
 * Plain text (Markdown rendered, then every tag dropped) around the first match, cut at word boundaries with
 * ellipses. Falls back to the start of the text when the match was in markup the plain text lost.
 */
export function snippetOf(markdownBody: string, terms: SearchTerms): string {
  return snippetAround(excerpt(markdownBody, Number.MAX_SAFE_INTEGER), terms);
}

/** Whether a plain text contains one of the search's words or phrases (as the snippet would find them). */
export const mentions = (text: string, terms: SearchTerms): boolean => firstMatch(text, terms) >= 0;

/** Text that is plain already (a resource's description, a file's extracted text) around the first match. */
export function plainSnippetOf(text: string, terms: SearchTerms): string {
  return snippetAround(text.replace(/\s+/g, ' ').trim(), terms);
}

function snippetAround(plain: string, terms: SearchTerms): string {
  if (plain.length <= snippetLength) return plain;
  const at = Math.max(0, firstMatch(plain, terms));
  let start = Math.max(0, at - snippetLength / 4);
  let end = Math.min(plain.length, start + snippetLength);
  start = Math.max(0, end - snippetLength);
  if (start > 0) start = plain.indexOf(' ', start) + 1 || start;
  if (end < plain.length) end = plain.lastIndexOf(' ', end) > start ? plain.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${plain.slice(start, end).trim()}${end < plain.length ? '…' : ''}`;
}
