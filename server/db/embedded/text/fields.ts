import { TextErrorCode, TextSearchError } from './errors.js';
import { lookUpLanguage } from './languages.js';
import type { TextLanguage } from './languages.js';
import type { TextIndexSpec } from './spec.js';

/** One indexed string of a document, with the language and weight it is indexed under. */
export interface TextValue {
  text: string;
  language: TextLanguage;
  weight: number;
}

/** Paths strictly above an indexed field ("a" and "a.b" for "a.b.c"): the only sub-documents worth entering. */
const parentPathsCache = new WeakMap<TextIndexSpec, Set<string>>();

function parentPathsOf(spec: TextIndexSpec): Set<string> {
  let parents = parentPathsCache.get(spec);
  if (!parents) {
    parents = new Set();
    for (const path of spec.fields.keys()) {
      const parts = path.split('.');
      for (let end = 1; end < parts.length; end += 1) parents.add(parts.slice(0, end).join('.'));
    }
    parentPathsCache.set(spec, parents);
  }
  return parents;
}

function isSubDocument(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // Dates, binary data and BSON wrappers (ObjectId, Long, Decimal128...) are values, not sub-documents.
  return !(value instanceof Date) && !ArrayBuffer.isView(value) && !('_bsontype' in value);
}

/**
 * The strings of `doc` that `spec` indexes, in document order, following MongoDB's FTSElementIterator
 * (src/mongo/db/fts/fts_element_iterator.cpp): a (sub)document's language override field sets the language
 * of everything under it; arrays are entered from documents but not from arrays unless the index is a
 * wildcard. One deliberate difference: under a wildcard a field without its own weight weighs 1 as
 * MongoDB documents, where the server borrows the weight of the next field name in sort order.
 * Throws a TextSearchError (17261, 17262) for a language override that is not a supported language name.
 */
export function textValuesOf(doc: Record<string, unknown>, spec: TextIndexSpec): TextValue[] {
  const values: TextValue[] = [];
  const parents = spec.wildcard ? undefined : parentPathsOf(spec);

  const visitValue = (value: unknown, dottedPath: string, inArray: boolean, language: TextLanguage): void => {
    const weight = spec.fields.get(dottedPath);
    if (typeof value === 'string') {
      if (weight !== undefined || spec.wildcard) values.push({ text: value, language, weight: weight ?? 1 });
    } else if (Array.isArray(value)) {
      const reachable = spec.wildcard || weight !== undefined || parents?.has(dottedPath);
      if (!reachable || (inArray && !spec.wildcard)) return;
      // Array elements take the array's own path: "tags" for each of tags[0], tags[1]...
      for (const element of value) visitValue(element, dottedPath, true, language);
    } else if (isSubDocument(value) && (spec.wildcard || parents?.has(dottedPath))) {
      visitFields(value, `${dottedPath}.`, languageOf(value, spec, language));
    }
  };

  const visitFields = (container: Record<string, unknown>, pathPrefix: string, language: TextLanguage): void => {
    for (const name of Object.keys(container)) {
      if (spec.wildcard && name === spec.languageOverride) continue;
      visitValue(container[name], pathPrefix + name, false, language);
    }
  };

  visitFields(doc, '', languageOf(doc, spec, spec.defaultLanguage));
  return values;
}

function languageOf(doc: Record<string, unknown>, spec: TextIndexSpec, inherited: TextLanguage): TextLanguage {
  if (!Object.hasOwn(doc, spec.languageOverride)) return inherited;
  const name = doc[spec.languageOverride];
  if (name === undefined) return inherited;
  if (typeof name !== 'string') {
    throw new TextSearchError(
      TextErrorCode.LanguageOverrideNotString,
      'found language override field in document with non-string type',
    );
  }
  const language = lookUpLanguage(name);
  if (!language) {
    throw new TextSearchError(
      TextErrorCode.LanguageOverrideUnsupported,
      `language override unsupported: ${name} (the embedded store supports english and none)`,
    );
  }
  return language;
}
