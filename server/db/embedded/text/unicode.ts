// Character classes of MongoDB's text index version 3 (src/mongo/db/fts/unicode/gen_delimiter_list.py and
// gen_diacritic_map.py), rebuilt from the Unicode properties that JavaScript regular expressions know.

// The Hyphen property is deprecated and absent from JavaScript regular expressions; these are its code points.
const hyphens = '\\u002D\\u00AD\\u058A\\u1806\\u2010\\u2011\\u2E17\\u30FB\\uFE63\\uFF0D\\uFF65';
const delimiterClass = `\\p{White_Space}\\p{Dash}\\p{Quotation_Mark}\\p{Terminal_Punctuation}\\p{Pattern_Syntax}\\p{Sentence_Terminal}${hyphens}`;
const astralDelimiters = {
  english: new RegExp(`[[${delimiterClass}]--[']]+`, 'v'),
  other: new RegExp(`[${delimiterClass}]+`, 'u'),
};

/** `[...]+` over the code points of the Basic Multilingual Plane that `includes` accepts, as explicit ranges. */
function runOfCodePoints(includes: (code: number) => boolean): RegExp {
  const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
  let ranges = '';
  for (let code = 0; code <= 0xffff; code += 1) {
    if (!includes(code)) continue;
    let last = code;
    while (last < 0xffff && includes(last + 1)) last += 1;
    ranges += last > code ? `${hex(code)}-${hex(last)}` : hex(code);
    code = last;
  }
  return new RegExp(`[${ranges}]+`);
}

/**
 * The delimiters of the Basic Multilingual Plane as explicit ranges, which match about four times faster
 * than the property escapes. Built once at start-up (a few milliseconds).
 */
function bmpDelimiterPatterns(): { english: RegExp; other: RegExp } {
  const isDelimiterPattern = new RegExp(`^[${delimiterClass}]$`, 'u');
  const isDelimiter = new Uint8Array(0x10000);
  for (let code = 0; code <= 0xffff; code += 1) {
    // Surrogates are halves of astral characters, never delimiters on their own.
    const surrogateHalf = code >= 0xd800 && code <= 0xdfff;
    if (!surrogateHalf && isDelimiterPattern.test(String.fromCharCode(code))) isDelimiter[code] = 1;
  }
  const apostrophe = 0x27;
  return {
    // English keeps the ASCII apostrophe inside words ("victim's"), so the stemmer and stop words see it.
    english: runOfCodePoints((code) => isDelimiter[code] === 1 && code !== apostrophe),
    other: runOfCodePoints((code) => isDelimiter[code] === 1),
  };
}

const bmpDelimiters = bmpDelimiterPatterns();
const surrogate = /[\ud800-\udfff]/;

/** The words of `text`: the runs between delimiters, as MongoDB's tokenizer cuts them for `language`. */
export function splitWords(text: string, language: string): string[] {
  const english = language === 'english';
  // Without an apostrophe both patterns cut alike, and V8 runs the one without the exception twice as fast.
  const keepsApostrophes = english && text.includes("'");
  let words = text.split(keepsApostrophes ? bmpDelimiters.english : bmpDelimiters.other);
  // A few rare scripts have delimiters outside the BMP; only text with astral characters needs the slow split.
  if (surrogate.test(text)) {
    const delimiters = english ? astralDelimiters.english : astralDelimiters.other;
    words = words.flatMap((word) => word.split(delimiters));
  }
  return words.filter((word) => word.length > 0);
}

// Astral characters are surrogate pairs, inside this range too.
const nonAscii = /[\u0080-\uffff]/;
const nonAsciiRuns = /[\u0080-\uffff]+/g;

const diacritics = /\p{Diacritic}/gu;
const maxCachedRuns = 10_000;
const strippedRuns = new Map<string, string>();

function stripRun(run: string): string {
  let stripped = strippedRuns.get(run);
  if (stripped === undefined) {
    stripped = run.normalize('NFD').replace(diacritics, '').normalize('NFC');
    if (strippedRuns.size >= maxCachedRuns) strippedRuns.clear();
    strippedRuns.set(run, stripped);
  }
  return stripped;
}

/**
 * `text` without diacritics: decomposed, Diacritic code points dropped, recomposed, so "é" matches "e"
 * while letters that do not decompose (ø, ł) stay as they are, as in MongoDB. Only the non-ASCII runs
 * need the work, and the same few accented words recur, so each run is converted once.
 */
export function stripDiacritics(text: string): string {
  const stripped = nonAscii.test(text) ? text.replace(nonAsciiRuns, stripRun) : text;
  // The two ASCII characters with the Diacritic property.
  return stripped.includes('^') || stripped.includes('`') ? stripped.replace(/[\^`]/g, '') : stripped;
}

/** Lower-cased `text`; MongoDB folds case with Unicode simple case folding, which this matches closely. */
export function foldCase(text: string): string {
  return text.toLowerCase();
}
