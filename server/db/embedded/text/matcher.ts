import { textValuesOf } from './fields.js';
import type { TextValue } from './fields.js';
import type { TextQuery } from './query.js';
import { termsOf } from './scoring.js';
import type { TextIndexSpec } from './spec.js';
import { tokenize } from './tokenizer.js';
import { foldCase, stripDiacritics } from './unicode.js';

// MongoDB's FTSMatcher (src/mongo/db/fts/fts_matcher.cpp) re-reads the document, tokenizing without
// dropping stop words, in the query's case and diacritic sensitivity.
function valueHasAnyTerm(value: TextValue, terms: ReadonlySet<string>, query: TextQuery): boolean {
  const options = { filterStopWords: false, caseSensitive: query.caseSensitive, diacriticSensitive: query.diacriticSensitive };
  return tokenize(value.text, value.language, options).some((term) => terms.has(term));
}

/** Whether some indexed string of the document holds one of `terms` (the query's or its negated ones). */
function holdsAnyTerm(values: TextValue[], terms: readonly string[], query: TextQuery): boolean {
  if (terms.length === 0) return false;
  const termSet = new Set(terms);
  return values.some((value) => valueHasAnyTerm(value, termSet, query));
}

function normalizeForPhrase(text: string, query: TextQuery): string {
  const cased = query.caseSensitive ? text : foldCase(text);
  return query.diacriticSensitive ? cased : stripDiacritics(cased);
}

type PhraseTest = (text: string) => boolean;

// Text that normalizing would not change apart from case: no non-ASCII character and neither ASCII
// diacritic (^ and `). Astral characters are surrogate pairs, inside the range too.
const needsNormalizing = /[\u0080-\uffff^`]/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A test of whether a string contains `phrase`, as MongoDB's unicode phrase matcher decides: a substring
 * match, not word by word, after case folding and diacritic stripping unless the query is sensitive.
 * Most forum text is plain ASCII, which a case-insensitive regular expression searches without copying.
 */
function phraseTest(phrase: string, query: TextQuery): PhraseTest {
  const needle = normalizeForPhrase(phrase, query);
  const byNormalizing = (text: string) => normalizeForPhrase(text, query).includes(needle);
  if (query.caseSensitive || needsNormalizing.test(needle)) return byNormalizing;
  const pattern = new RegExp(escapeRegExp(needle), 'i');
  return (text) => (needsNormalizing.test(text) ? byNormalizing(text) : pattern.test(text));
}

const compiledPhrases = new WeakMap<TextQuery, { phrases: PhraseTest[]; negatedPhrases: PhraseTest[] }>();

function phraseTestsOf(query: TextQuery): { phrases: PhraseTest[]; negatedPhrases: PhraseTest[] } {
  let compiled = compiledPhrases.get(query);
  if (!compiled) {
    compiled = {
      phrases: query.phrases.map((phrase) => phraseTest(phrase, query)),
      negatedPhrases: query.negatedPhrases.map((phrase) => phraseTest(phrase, query)),
    };
    compiledPhrases.set(query, compiled);
  }
  return compiled;
}

const inSomeValue = (values: TextValue[], test: PhraseTest) => values.some((value) => test(value.text));

export interface MatchChecks {
  /** False when the index already proved a positive term (case- and diacritic-insensitive queries). */
  positiveTerms: boolean;
  /** The negated terms still to look for in the document; the rest were excluded through the index. */
  negatedTerms: readonly string[];
}

/** The document-level checks of a `$text` query: positive terms, negated terms, phrases, negated phrases. */
export function passesDocumentChecks(
  doc: Record<string, unknown>,
  spec: TextIndexSpec,
  query: TextQuery,
  checks: MatchChecks = { positiveTerms: true, negatedTerms: query.negatedTerms },
): boolean {
  const values = textValuesOf(doc, spec);
  if (checks.positiveTerms && !holdsAnyTerm(values, query.terms, query)) return false;
  if (holdsAnyTerm(values, checks.negatedTerms, query)) return false;
  const phraseTests = phraseTestsOf(query);
  if (!phraseTests.phrases.every((test) => inSomeValue(values, test))) return false;
  return !phraseTests.negatedPhrases.some((test) => inSomeValue(values, test));
}

/**
 * The textScore of `doc` for `query`, or null when it does not match. A document matches when its index
 * entries hold one of the query's terms (how MongoDB finds candidates) and it passes the document checks.
 */
export function scoreDocument(doc: Record<string, unknown>, spec: TextIndexSpec, query: TextQuery): number | null {
  const scores = termsOf(doc, spec);
  let score = 0;
  let indexed = false;
  for (const term of query.boundsTerms) {
    const termScore = scores.get(term);
    if (termScore !== undefined) {
      indexed = true;
      score += termScore;
    }
  }
  const checks = { positiveTerms: query.caseSensitive || query.diacriticSensitive, negatedTerms: query.negatedTerms };
  if (!indexed || !passesDocumentChecks(doc, spec, query, checks)) return null;
  return score;
}
