import { newStemmer } from 'snowball-stemmers';

// MongoDB stems with libstemmer's Snowball "english" (Porter2); snowball-stemmers is generated from the
// same Snowball sources, so stems agree. 'none' does not stem (src/mongo/db/fts/stemmer.cpp).
const english = newStemmer('english');

// Forum text repeats a small vocabulary, so caching stems makes indexing several times faster.
// The cache is dropped when full rather than tracked per entry: simpler, and refilling it is cheap.
const maxCachedStems = 100_000;
const stemCache = new Map<string, string>();

function stemLowerCased(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = english.stem(word);
    if (stemCache.size >= maxCachedStems) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/**
 * The stem of `word` in `language`. The stemmer works on lower-case letters; for a case-sensitive search
 * the stem of the lower-cased word keeps the word's own capitals ("Trafficking" -> "Traffick"), which is
 * what Snowball gives for a capitalised word while never merging two spellings that differ in case.
 */
export function stemWord(word: string, language: string): string {
  if (language !== 'english') return word;
  const lowerCased = word.toLowerCase();
  const stem = stemLowerCased(lowerCased);
  if (lowerCased === word) return stem;
  const keepsPrefix = lowerCased.length === word.length && lowerCased.startsWith(stem);
  return keepsPrefix ? word.slice(0, stem.length) : stem;
}
