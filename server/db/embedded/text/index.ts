/**
 * Text search for the embedded store, with MongoDB's text index version 3 semantics.
 *
 * How the engine uses it:
 * - createIndexes: when isTextIndexKey(key), `spec = textIndexSpecFrom(key, options)` (throws TextSearchError,
 *   code 67, on a bad spec), then a `TextPostings(spec)` filled with add(id, doc) for every document;
 *   listIndexes shows describeTextIndex(spec). add throws (17261/17262) for a document whose language
 *   override is unsupported: refuse that write.
 * - writes: add(id, doc) after insert, remove(id, oldDoc) before delete, both on update.
 * - `$text`: `query = parseTextSearch(filter.$text, spec)` (BadValue on a bad operand), then
 *   `postings.search(query, loadById)` gives the matching ids with their `{$meta: 'textScore'}`; the rest of
 *   the filter is applied to those documents only.
 * scoreDocument(doc, spec, query) answers the same question for a single document without postings.
 */
export { TextErrorCode, TextSearchError } from './errors.js';
export { lookUpLanguage } from './languages.js';
export type { TextLanguage } from './languages.js';
export { describeTextIndex, isTextIndexKey, textIndexSpecFrom } from './spec.js';
export type { KeyField, TextIndexOptions, TextIndexSpec } from './spec.js';
export { termsOf } from './scoring.js';
export { parseTextSearch } from './query.js';
export type { TextQuery, TextSearchOperand } from './query.js';
export { passesDocumentChecks, scoreDocument } from './matcher.js';
export { TextPostings } from './TextPostings.js';
