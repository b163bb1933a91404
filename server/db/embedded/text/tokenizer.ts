import { isStopWord } from './stopWords.js';
import { stemWord } from './stemmer.js';
import { foldCase, splitWords, stripDiacritics } from './unicode.js';

export interface TokenizerOptions {
  /** Drop the language's stop words (true when indexing and parsing queries, false when matching). */
  filterStopWords: boolean;
  caseSensitive: boolean;
  diacriticSensitive: boolean;
}

export const indexingOptions: TokenizerOptions = { filterStopWords: true, caseSensitive: false, diacriticSensitive: false };

interface InsensitiveTerm {
  term: string;
  stopWord: boolean;
}

// Indexing and insensitive matching turn the same words into the same terms over and over; caching the
// result per word is what makes indexing 20,000 posts fast. Dropped when full, like the stem cache.
const maxCachedWords = 100_000;
const insensitiveTerms: Record<string, Map<string, InsensitiveTerm>> = { english: new Map(), none: new Map() };

function insensitiveTermOf(word: string, language: string): InsensitiveTerm {
  const cache = insensitiveTerms[language];
  let cached = cache.get(word);
  if (!cached) {
    const lowerCased = foldCase(word);
    cached = { term: stripDiacritics(stemWord(lowerCased, language)), stopWord: isStopWord(lowerCased, language) };
    if (cache.size >= maxCachedWords) cache.clear();
    cache.set(word, cached);
  }
  return cached;
}

/**
 * The terms of `text`, in order and with repeats, following MongoDB's UnicodeFTSTokenizer::moveNext
 * (src/mongo/db/fts/fts_unicode_tokenizer.cpp): split on delimiters, test the lower-cased word against the
 * stop words, stem (diacritics still on, since the stemmer is diacritic-sensitive), then strip diacritics.
 */
export function tokenize(text: string, language: string, options: TokenizerOptions): string[] {
  const terms: string[] = [];
  const insensitive = !options.caseSensitive && !options.diacriticSensitive;
  for (const word of splitWords(text, language)) {
    if (insensitive) {
      const { term, stopWord } = insensitiveTermOf(word, language);
      if (!(options.filterStopWords && stopWord)) terms.push(term);
      continue;
    }
    const lowerCased = foldCase(word);
    if (options.filterStopWords && isStopWord(lowerCased, language)) continue;
    const stemmed = stemWord(options.caseSensitive ? word : lowerCased, language);
    terms.push(options.diacriticSensitive ? stemmed : stripDiacritics(stemmed));
  }
  return terms;
}
