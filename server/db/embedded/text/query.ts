import { TextErrorCode, TextSearchError } from './errors.js';
import { requireLanguage } from './languages.js';
import type { TextLanguage } from './languages.js';
import type { TextIndexSpec } from './spec.js';
import { indexingOptions, tokenize } from './tokenizer.js';

/** A parsed `$text` query (MongoDB's FTSQueryImpl). */
export interface TextQuery {
  /** Stemmed, lower-cased, diacritic-free terms: what the index is searched for and the score adds up. */
  boundsTerms: string[];
  /** Terms a document must hold one of, in the query's case and diacritic sensitivity. */
  terms: string[];
  negatedTerms: string[];
  /** Every phrase must appear in one indexed string (substring match, not word by word). */
  phrases: string[];
  negatedPhrases: string[];
  language: TextLanguage;
  caseSensitive: boolean;
  diacriticSensitive: boolean;
}

/** The shape `$text` expects; parseTextSearch checks any value against it. */
export interface TextSearchOperand {
  $search: unknown;
  $language?: unknown;
  $caseSensitive?: unknown;
  $diacriticSensitive?: unknown;
}

const operandFields = new Set(['$search', '$language', '$caseSensitive', '$diacriticSensitive']);

function badValue(message: string): TextSearchError {
  return new TextSearchError(TextErrorCode.BadValue, message);
}

function optionalBoolean(value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw badValue(`$text ${name} requires a boolean value`);
  return value;
}

/**
 * Parses the operand of `$text` (as found in the filter, so any value) against the index it runs on.
 * Throws a TextSearchError (BadValue) for a malformed operand or an unsupported `$language`.
 */
export function parseTextSearch(input: unknown, spec: TextIndexSpec): TextQuery {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw badValue('$text expects an object');
  const operand = input as TextSearchOperand;
  for (const name of Object.keys(operand)) {
    if (!operandFields.has(name)) throw badValue(`$text does not support the field ${name}`);
  }
  if (typeof operand.$search !== 'string') throw badValue('$text requires $search to be a string');
  if (operand.$language !== undefined && typeof operand.$language !== 'string') {
    throw badValue('$text $language requires a string value');
  }
  const language = operand.$language === undefined ? spec.defaultLanguage : requireLanguage(operand.$language);
  const caseSensitive = optionalBoolean(operand.$caseSensitive, '$caseSensitive');
  const diacriticSensitive = optionalBoolean(operand.$diacriticSensitive, '$diacriticSensitive');

  const parts = splitSearch(operand.$search);
  const matchOptions = { filterStopWords: true, caseSensitive, diacriticSensitive };
  const termsOf = (sentence: string, options = matchOptions) => [...new Set(tokenize(sentence, language, options))];
  return {
    boundsTerms: termsOf(parts.positiveText, indexingOptions),
    terms: termsOf(parts.positiveText),
    negatedTerms: termsOf(parts.negatedText),
    phrases: parts.phrases,
    negatedPhrases: parts.negatedPhrases,
    language,
    caseSensitive,
    diacriticSensitive,
  };
}

interface SearchParts {
  positiveText: string;
  negatedText: string;
  phrases: string[];
  negatedPhrases: string[];
}

const queryWhitespace = new Set(['\n', '\v', '\f', '\r', ' ']);

/**
 * Splits a `$search` string as MongoDB's FTSQueryParser and FTSQueryImpl::parse do
 * (src/mongo/db/fts/fts_query_parser.cpp, fts_query_impl.cpp): '-' negates when it follows whitespace (or
 * starts the string) and lasts until the next whitespace, so "-foo-bar" negates both words; a quoted phrase's
 * words also count as positive terms; the words of a negated phrase count for nothing else.
 */
function splitSearch(search: string): SearchParts {
  const positive: string[] = [];
  const negated: string[] = [];
  const parts: SearchParts = { positiveText: '', negatedText: '', phrases: [], negatedPhrases: [] };
  let inNegation = false;
  let inPhrase = false;
  let phraseStart = 0;
  let afterWhitespace = true;
  let position = 0;

  while (position < search.length) {
    const char = search[position];
    if (queryWhitespace.has(char)) {
      afterWhitespace = true;
      position += 1;
      continue;
    }
    if (char === '-') {
      if (!inPhrase && afterWhitespace) inNegation = true;
    } else if (char === '"') {
      if (inPhrase) {
        const phrase = search.slice(phraseStart + 1, position);
        (inNegation ? parts.negatedPhrases : parts.phrases).push(phrase);
        inPhrase = false;
      } else {
        if (inNegation && afterWhitespace) inNegation = false;
        inPhrase = true;
        phraseStart = position;
      }
    } else {
      let end = position + 1;
      while (end < search.length && !queryWhitespace.has(search[end]) && search[end] !== '-' && search[end] !== '"') {
        end += 1;
      }
      if (!(inPhrase && inNegation)) {
        if (inNegation && afterWhitespace) inNegation = false;
        (inNegation ? negated : positive).push(search.slice(position, end));
      }
      afterWhitespace = false;
      position = end;
      continue;
    }
    afterWhitespace = false;
    position += 1;
  }

  parts.positiveText = positive.join(' ');
  parts.negatedText = negated.join(' ');
  return parts;
}
