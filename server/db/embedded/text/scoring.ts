import { textValuesOf } from './fields.js';
import type { TextIndexSpec } from './spec.js';
import { indexingOptions, tokenize } from './tokenizer.js';

/**
 * The index entries of `doc`: each stemmed, lower-cased, diacritic-free term and its score. A `$text`
 * query's textScore is the sum of these scores over the query's terms (MongoDB's TEXT_OR stage).
 * Throws a TextSearchError when a language override names an unsupported language.
 */
export function termsOf(doc: Record<string, unknown>, spec: TextIndexSpec): Map<string, number> {
  const scores = new Map<string, number>();
  for (const value of textValuesOf(doc, spec)) addStringScores(value.text, value.language, value.weight, scores);
  return scores;
}

/**
 * MongoDB's FTSSpec::_scoreStringV2 (src/mongo/db/fts/fts_spec.cpp), per indexed string:
 *   freq  = 1 + 1/2 + 1/4 + ... over the term's count occurrences (each repeat counts half the one before),
 *           which is 2 - 2^(1 - count), exactly as the server's running sum of powers of two
 *   coeff = 0.5 * count / numTokens + 0.5            (numTokens: the string's terms, stop words excluded)
 *   score += weight * freq * coeff * adjustment      (adjustment 1.1 when the whole string is the term)
 * Scores of the same term in several strings or fields add up.
 */
function addStringScores(raw: string, language: string, weight: number, scores: Map<string, number>): void {
  const terms = tokenize(raw, language, indexingOptions);
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);

  for (const [term, count] of counts) {
    const freq = 2 - 2 ** (1 - count);
    const coeff = (0.5 * count) / terms.length + 0.5;
    // MongoDB compares the raw string with the term ASCII-case-insensitively, byte length first.
    const adjustment = raw.length === term.length && raw.toLowerCase() === term ? 1.1 : 1;
    scores.set(term, (scores.get(term) ?? 0) + weight * freq * coeff * adjustment);
  }
}
