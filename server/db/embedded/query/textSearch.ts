import type { Collection } from '../engine/collection.js';
import { textError } from '../engine/textIndex.js';
import { isPlainObject, type Doc } from '../engine/values.js';
import { badValue, indexNotFound } from '../errors.js';
import { parseTextSearch, type TextSearchOperand } from '../text/index.js';
import type { QueryResult } from './execute.js';
import type { Matcher } from './matcher.js';
import type { SortSpec } from './plan.js';
import { documentComparator } from './sort.js';

export interface TextSearchOptions {
  spec: SortSpec;
  byTextScore: boolean;
  skip: number;
  limit: number;
  filterIsEmpty: boolean;
}

/** `$text` through the collection's text index: reads only the postings of the query's terms. */
export function textSearch(collection: Collection, operand: unknown, match: Matcher, options: TextSearchOptions): QueryResult {
  const [index] = collection.textIndexes.values();
  if (!index) throw indexNotFound('text index required for $text query');
  if (!isPlainObject(operand)) throw badValue('$text expects an object');
  let scores: Map<string, number>;
  try {
    const query = parseTextSearch(operand as unknown as TextSearchOperand, index.text);
    scores = index.postings.search(query, (id) => collection.docs.get(id));
  } catch (error) {
    throw textError(error);
  }
  const scoreOf = new Map<Doc, number>();
  const docs: Doc[] = [];
  const byFields = documentComparator(options.spec);
  // Without a filter or a field sort, the ranking needs only the scores: decode just the documents returned.
  const rankBeforeDecoding = options.filterIsEmpty && options.spec.length === 0;
  let ranked: Iterable<[string, number]> = scores;
  if (rankBeforeDecoding && options.byTextScore) ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const wanted = rankBeforeDecoding && options.limit > 0 ? options.skip + options.limit : Infinity;
  for (const [id, score] of ranked) {
    if (docs.length >= wanted) break;
    const doc = collection.docs.get(id);
    if (!doc || !match(doc)) continue;
    scoreOf.set(doc, score);
    docs.push(doc);
  }
  if (!rankBeforeDecoding && (options.byTextScore || options.spec.length)) {
    docs.sort((a, b) => (options.byTextScore ? scoreOf.get(b)! - scoreOf.get(a)! : 0) || byFields(a, b));
  }
  const end = options.limit > 0 ? options.skip + options.limit : undefined;
  return {
    docs: docs.slice(options.skip, end),
    stats: { stage: 'TEXT', indexName: index.name, keysExamined: scores.size, docsExamined: docs.length },
    scores: (doc) => scoreOf.get(doc),
  };
}
