import type { Collection } from '../engine/collection.js';
import type { RangeBounds, SecondaryIndex } from '../engine/secondaryIndex.js';
import { isPlainObject, valueKey, type Doc } from '../engine/values.js';
import { typeOrder } from './compare.js';

/** What a query did, reported by explain and checked by tests that indexed queries never scan. */
export interface PlanStats {
  stage: 'COLLSCAN' | 'IXSCAN' | 'IDHACK' | 'TEXT';
  indexName?: string;
  keysExamined: number;
  docsExamined: number;
}

export interface QueryPlan {
  docs: Iterable<Doc>;
  /** True when docs already come in the requested sort order. */
  sorted: boolean;
  stats: PlanStats;
}

export type SortSpec = [string, 1 | -1][];

interface FieldConstraint {
  values?: unknown[];
  range?: RangeBounds;
}

const usableEqualityValue = (v: unknown) => !Array.isArray(v) && !(v instanceof RegExp) && !(isPlainObject(v) && Object.keys(v).some((k) => k.startsWith('$')));

function addConstraint(out: Map<string, FieldConstraint>, field: string, condition: unknown): void {
  const constraint = out.get(field) ?? {};
  if (!isPlainObject(condition) || !Object.keys(condition).some((k) => k.startsWith('$'))) {
    if (usableEqualityValue(condition)) constraint.values = [condition];
  } else {
    for (const [op, operand] of Object.entries(condition)) {
      if (op === '$eq' && usableEqualityValue(operand)) constraint.values = [operand];
      else if (op === '$in' && Array.isArray(operand) && operand.every(usableEqualityValue)) constraint.values = operand;
      else if ((op === '$gt' || op === '$gte') && operand !== null && usableEqualityValue(operand)) {
        constraint.range = { ...constraint.range, lower: { value: operand, inclusive: op === '$gte' } };
      } else if ((op === '$lt' || op === '$lte') && operand !== null && usableEqualityValue(operand)) {
        constraint.range = { ...constraint.range, upper: { value: operand, inclusive: op === '$lte' } };
      }
    }
    const { lower, upper } = constraint.range ?? {};
    if (lower && upper && typeOrder(lower.value) !== typeOrder(upper.value)) delete constraint.range;
  }
  out.set(field, constraint);
}

/** Per-field equality / $in / range constraints implied by the filter's top level and its `$and`. */
export function extractConstraints(filter: Doc): Map<string, FieldConstraint> {
  const out = new Map<string, FieldConstraint>();
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const part of condition) if (isPlainObject(part)) for (const [f, c] of extractConstraints(part)) out.set(f, { ...out.get(f), ...c });
    } else if (!field.startsWith('$')) {
      addConstraint(out, field, condition);
    }
  }
  return out;
}

interface Candidate {
  index: SecondaryIndex;
  prefix: unknown[][];
  range?: RangeBounds;
  score: number;
}

function cartesian(lists: unknown[][]): unknown[][] {
  return lists.reduce<unknown[][]>((acc, list) => acc.flatMap((tuple) => list.map((v) => [...tuple, v])), [[]]);
}

/** The secondary indexes, plus the `_id` order when the query has a range on `_id` or sorts by it. */
function candidateIndexes(collection: Collection, constraints: Map<string, FieldConstraint>, sort: SortSpec): SecondaryIndex[] {
  const indexes = [...collection.indexes.values()];
  if (constraints.get('_id')?.range || sort[0]?.[0] === '_id') indexes.push(collection.orderedIdIndex());
  return indexes;
}

function bestIndex(indexes: SecondaryIndex[], constraints: Map<string, FieldConstraint>): Candidate | undefined {
  let best: Candidate | undefined;
  for (const index of indexes) {
    if (index.partial) continue;
    const lists: unknown[][] = [];
    let range: RangeBounds | undefined;
    for (const [field] of index.fields) {
      const c = constraints.get(field);
      if (c?.values && !(index.spec.sparse && c.values.some((v) => v === null || v === undefined))) {
        lists.push(c.values);
        continue;
      }
      // Different elements of an array may satisfy each bound, so a multikey index can only apply one of them.
      if (c?.range) range = index.multikey && c.range.lower && c.range.upper ? { lower: c.range.lower } : c.range;
      break;
    }
    const score = lists.length * 2 + (range ? 1 : 0);
    if (score > 0 && (!best || score > best.score)) best = { index, prefix: cartesian(lists), range, score };
  }
  return best;
}

function orderedBy(index: SecondaryIndex, skipFields: number, sort: SortSpec): 'forward' | 'reverse' | undefined {
  if (index.multikey || index.spec.sparse || index.partial || sort.length === 0) return undefined;
  const rest = index.fields.slice(skipFields);
  if (sort.length > rest.length) return undefined;
  const same = sort.every(([f, d], i) => rest[i][0] === f && rest[i][1] === d);
  const opposite = sort.every(([f, d], i) => rest[i][0] === f && rest[i][1] === -d);
  return same ? 'forward' : opposite ? 'reverse' : undefined;
}

function* idsToDocs(collection: Collection, ids: Iterable<string>, stats: PlanStats): Generator<Doc> {
  const seen = new Set<string>();
  for (const id of ids) {
    stats.keysExamined++;
    if (seen.has(id)) continue;
    seen.add(id);
    const doc = collection.docs.get(id);
    if (!doc) continue;
    stats.docsExamined++;
    yield doc;
  }
}

function* scanIds(index: SecondaryIndex, prefixes: unknown[][], range: RangeBounds | undefined, reverse: boolean): Generator<string> {
  for (const prefix of prefixes) {
    if (!range && prefix.length === index.fields.length) yield* index.lookup(prefix);
    else for (const entry of index.scan(prefix, range, reverse)) yield entry.id;
  }
}

function* collectionScan(collection: Collection, stats: PlanStats): Generator<Doc> {
  for (const doc of collection.docs.values()) {
    stats.docsExamined++;
    yield doc;
  }
}

/** Picks how to read the documents a filter needs: by _id, through a secondary index, or by a scan. */
export function planQuery(collection: Collection, filter: Doc, sort: SortSpec = []): QueryPlan {
  const constraints = extractConstraints(filter);
  const idValues = constraints.get('_id')?.values;
  if (idValues) {
    const stats: PlanStats = { stage: 'IDHACK', indexName: '_id_', keysExamined: 0, docsExamined: 0 };
    return { docs: idsToDocs(collection, idValues.map(valueKey), stats), sorted: idValues.length <= 1, stats };
  }
  const usefulSort = sort.filter(([field]) => constraints.get(field)?.values?.length !== 1);
  const indexes = candidateIndexes(collection, constraints, usefulSort);
  const candidate = bestIndex(indexes, constraints);
  if (candidate) {
    const stats: PlanStats = { stage: 'IXSCAN', indexName: candidate.index.name, keysExamined: 0, docsExamined: 0 };
    const direction = candidate.prefix.length === 1 ? orderedBy(candidate.index, candidate.prefix[0].length, usefulSort) : undefined;
    const ids = scanIds(candidate.index, candidate.prefix, candidate.range, direction === 'reverse');
    return { docs: idsToDocs(collection, ids, stats), sorted: usefulSort.length === 0 || direction !== undefined, stats };
  }
  if (usefulSort.length > 0) {
    for (const index of indexes) {
      const direction = orderedBy(index, 0, usefulSort);
      if (!direction) continue;
      const stats: PlanStats = { stage: 'IXSCAN', indexName: index.name, keysExamined: 0, docsExamined: 0 };
      return { docs: idsToDocs(collection, scanIds(index, [[]], undefined, direction === 'reverse'), stats), sorted: true, stats };
    }
  }
  const stats: PlanStats = { stage: 'COLLSCAN', keysExamined: 0, docsExamined: 0 };
  return { docs: collectionScan(collection, stats), sorted: usefulSort.length === 0, stats };
}
