import { TextErrorCode, TextSearchError } from './errors.js';
import { requireLanguage } from './languages.js';
import type { TextLanguage } from './languages.js';

/** A text index, as MongoDB's FTSSpec holds it after fixSpec (src/mongo/db/fts/fts_spec.cpp). */
export interface TextIndexSpec {
  /** Indexed path -> weight; whole numbers in (0, 100000), as MongoDB truncates them. */
  fields: Map<string, number>;
  /** `{'$**': 'text'}`: every string in the document is indexed, fields not in `fields` weigh 1. */
  wildcard: boolean;
  defaultLanguage: TextLanguage;
  /** Name of the document field that sets a (sub)document's language. */
  languageOverride: string;
  /** Non-text keys before and after the text part of a compound key, e.g. `{forumId: 1, body: 'text'}`. */
  prefixFields: KeyField[];
  suffixFields: KeyField[];
}

export interface KeyField {
  path: string;
  direction: 1 | -1;
}

export interface TextIndexOptions {
  weights?: unknown;
  default_language?: unknown;
  language_override?: unknown;
}

const wildcardPath = '$**';
// MongoDB's MAX_WEIGHT / 10000 (fts_spec.cpp).
const maxFieldWeight = 100_000;

function cannotCreate(message: string): TextSearchError {
  return new TextSearchError(TextErrorCode.CannotCreateIndex, message);
}

/** Whether a createIndexes key describes a text index: some value is 'text'. */
export function isTextIndexKey(key: Record<string, unknown>): boolean {
  return Object.values(key).some((value) => value === 'text');
}

/**
 * The spec of a text index from its key and createIndexes options, validated as MongoDB's fixSpec does.
 * Also accepts the stored form `{_fts: 'text', _ftsx: 1}` + weights that listIndexes returns.
 * Throws a TextSearchError (code 67, CannotCreateIndex) on an invalid spec or unsupported language.
 */
export function textIndexSpecFrom(key: Record<string, unknown>, options: TextIndexOptions = {}): TextIndexSpec {
  const weights = new Map<string, number>();
  const prefixFields: KeyField[] = [];
  const suffixFields: KeyField[] = [];
  let textPart: 'before' | 'inside' | 'after' = 'before';

  for (const [path, value] of Object.entries(key)) {
    if (path === '_ftsx') continue;
    if (value === 'text') {
      if (textPart === 'after') throw cannotCreate("'text' fields in index must all be adjacent");
      textPart = 'inside';
      if (path !== '_fts') weights.set(path, 1);
      continue;
    }
    if (value !== 1 && value !== -1) {
      throw cannotCreate('expected value 1 or -1 for non-text key in compound index');
    }
    if (textPart === 'inside') textPart = 'after';
    (textPart === 'before' ? prefixFields : suffixFields).push({ path, direction: value });
  }

  addWeightOptions(weights, options.weights);
  const wildcard = weights.delete(wildcardPath);
  if (!wildcard && weights.size === 0) {
    throw cannotCreate("text index option 'weights' must specify fields or the wildcard");
  }

  return {
    fields: weights,
    wildcard,
    defaultLanguage: defaultLanguageFrom(options.default_language),
    languageOverride: languageOverrideFrom(options.language_override),
    prefixFields,
    suffixFields,
  };
}

function addWeightOptions(weights: Map<string, number>, option: unknown): void {
  if (option === undefined) return;
  if (option === wildcardPath) {
    weights.set(wildcardPath, 1);
    return;
  }
  if (typeof option !== 'object' || option === null || Array.isArray(option)) {
    throw cannotCreate("text index option 'weights' must be an object");
  }
  for (const [path, value] of Object.entries(option)) {
    if (typeof value !== 'number') throw cannotCreate('weight for text index needs numeric type');
    // MongoDB keeps weights as 32-bit integers (numberInt), so 2.5 weighs 2.
    const weight = Math.trunc(value);
    if (weight <= 0 || weight >= maxFieldWeight) {
      throw cannotCreate(
        `text index weight must be in the exclusive interval (0,${maxFieldWeight}) but found: ${weight}`,
      );
    }
    if (path !== wildcardPath) checkWeightPath(path);
    weights.set(path, weight);
  }
}

function checkWeightPath(path: string): void {
  for (const part of path.split('.')) {
    if (part === '') throw cannotCreate('weight cannot have empty path component');
    if (part.startsWith('$')) throw cannotCreate('weight cannot have path component with $ prefix');
  }
}

function defaultLanguageFrom(option: unknown): TextLanguage {
  if (option === undefined) return 'english';
  if (typeof option !== 'string') throw cannotCreate('default_language needs a string type');
  return requireLanguage(option, TextErrorCode.CannotCreateIndex);
}

function languageOverrideFrom(option: unknown): string {
  if (option === undefined) return 'language';
  if (typeof option !== 'string') throw cannotCreate('language_override must be a string');
  if (option === '' || option.startsWith('$') || option.includes('.')) {
    throw cannotCreate('language_override is not valid');
  }
  return option;
}

/** The index as MongoDB stores and lists it: key `{_fts: 'text', _ftsx: 1}` plus the text options. */
export function describeTextIndex(spec: TextIndexSpec): {
  key: Record<string, unknown>;
  weights: Record<string, number>;
  default_language: string;
  language_override: string;
  textIndexVersion: 3;
} {
  const key: Record<string, unknown> = {};
  for (const field of spec.prefixFields) key[field.path] = field.direction;
  key._fts = 'text';
  key._ftsx = 1;
  for (const field of spec.suffixFields) key[field.path] = field.direction;

  const weights: Record<string, number> = {};
  if (spec.wildcard) weights[wildcardPath] = 1;
  for (const path of [...spec.fields.keys()].sort()) weights[path] = spec.fields.get(path) as number;

  return {
    key,
    weights,
    default_language: spec.defaultLanguage,
    language_override: spec.languageOverride,
    textIndexVersion: 3,
  };
}
