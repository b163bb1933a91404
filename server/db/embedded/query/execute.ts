import type { Collection } from '../engine/collection.js';
import type { Doc } from '../engine/values.js';
import { badValue } from '../errors.js';
import { compileFilter } from './matcher.js';
import { planQuery, type PlanStats } from './plan.js';
import { documentComparator, parseSort } from './sort.js';
import { textSearch } from './textSearch.js';

export interface QueryRequest {
  filter?: Doc;
  sort?: unknown;
  skip?: number;
  limit?: number;
}

export interface QueryResult {
  docs: Doc[];
  stats: PlanStats;
  scores?: (doc: Doc) => number | undefined;
}

const emptyStats = (): PlanStats => ({ stage: 'COLLSCAN', keysExamined: 0, docsExamined: 0 });

/** The collection as readers outside an open transaction see it: its changed documents swapped for their committed images. */
function* committedView(collection: Collection, hidden: Map<string, Doc | undefined>, stats: PlanStats): Generator<Doc> {
  for (const [id, doc] of collection.docs) {
    stats.docsExamined++;
    if (!hidden.has(id)) yield doc;
  }
  for (const image of hidden.values()) if (image) yield image;
}

/**
 * Runs a filter with sort/skip/limit, through an index when one fits; returns stored documents (do not mutate).
 * `hidden` holds another transaction's uncommitted changes, which this reader must not see.
 */
export function executeQuery(collection: Collection | undefined, request: QueryRequest, hidden?: Map<string, Doc | undefined>): QueryResult {
  const skip = request.skip ?? 0;
  const limit = Math.abs(request.limit ?? 0);
  if (skip < 0) throw badValue('skip value must be non-negative');
  const { spec, byTextScore } = parseSort(request.sort);
  if (!collection) return { docs: [], stats: emptyStats() };
  const { $text: textQuery, ...filter } = request.filter ?? {};
  const match = compileFilter(filter);
  if (textQuery !== undefined) return textSearch(collection, textQuery, match, { spec, byTextScore, skip, limit, filterIsEmpty: Object.keys(filter).length === 0 });
  if (byTextScore) throw badValue('query requires text score metadata, but it is not available');
  const plan = hidden ? { docs: [] as Iterable<Doc>, sorted: spec.length === 0, stats: emptyStats() } : planQuery(collection, filter, spec);
  if (hidden) plan.docs = committedView(collection, hidden, plan.stats);
  const matched: Doc[] = [];
  const wanted = limit > 0 ? skip + limit : Infinity;
  for (const doc of plan.docs) {
    if (!match(doc)) continue;
    matched.push(doc);
    if (plan.sorted && matched.length >= wanted) break;
  }
  if (!plan.sorted) matched.sort(documentComparator(spec));
  const end = limit > 0 ? skip + limit : undefined;
  return { docs: matched.slice(skip, end), stats: plan.stats };
}
