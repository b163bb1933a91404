import { compareValues, isNumeric, toNumber, typeOrder } from '../query/compare.js';
import { compileFilter, type Matcher } from '../query/matcher.js';
import type { IndexSpec } from './indexSpec.js';
import { pathValues, valueKey, type Doc } from './values.js';

/**
 * One key of one document. A single-field index (most of them) stores the key value itself rather than a
 * one-element tuple, and every entry has the same three fields: 24 bytes, where a tuple-holding literal took ~100.
 */
export class IndexEntry {
  dead = false;
  constructor(
    readonly key: unknown,
    readonly id: string,
  ) {}
}

/** One bound of a range on the first non-equality field of an index. */
export interface RangeBounds {
  lower?: { value: unknown; inclusive: boolean };
  upper?: { value: unknown; inclusive: boolean };
}

export const tupleKey = (values: unknown[]) => values.map(valueKey).join('\u0000');

type HashKey = string | number | boolean | null;

/**
 * Hash key of an index key tuple. Single strings and numbers key the map as themselves (sharing the document's
 * string instead of copying it); everything else, compound keys included, uses the typed string in a second map
 * so the two can never collide.
 */
function hashKey(values: unknown[]): { plain: boolean; key: HashKey } {
  if (values.length === 1) {
    const value = values[0];
    if (typeof value === 'string' || typeof value === 'boolean') return { plain: true, key: value };
    if (isNumeric(value)) {
      // 1, 1.0, Long(1) and Decimal128('1') are equal in MongoDB, so every numeric type keys as a JS number.
      const n = toNumber(value);
      if (!Number.isNaN(n)) return { plain: true, key: n === 0 ? 0 : n };
    }
    if (value === null || value === undefined) return { plain: true, key: null };
  }
  return { plain: false, key: tupleKey(values) };
}

/** A set of ids that stays a bare string while it holds one id (most keys), saving a Set per key. */
type IdSet = string | Set<string>;
const idsOf = (ids: IdSet | undefined): Iterable<string> => (ids === undefined ? [] : typeof ids === 'string' ? [ids] : ids);

/**
 * A B-tree stand-in: a hash map from key to ids for equality and uniqueness, plus an array kept sorted in
 * index order (inserts are buffered and merged on the next ordered read) for ranges and sorts.
 */
export class SecondaryIndex {
  readonly fields: [string, number][];
  readonly partial?: Matcher;
  multikey = false;
  private readonly byPlainKey = new Map<HashKey, IdSet>();
  private readonly byTypedKey = new Map<HashKey, IdSet>();
  private readonly entriesById = new Map<string, IndexEntry | IndexEntry[]>();
  private sorted: IndexEntry[] = [];
  private pending: IndexEntry[] = [];
  private deadCount = 0;

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.entries(spec.key).map(([field, direction]) => [field, Number(direction) < 0 ? -1 : 1]);
    if (spec.partialFilterExpression) this.partial = compileFilter(spec.partialFilterExpression);
  }

  get name() {
    return this.spec.name;
  }

  get size() {
    return this.entriesById.size;
  }

  /** The key tuples a document contributes, or none when sparse/partial rules leave it out. */
  keysFor(doc: Doc): unknown[][] {
    if (this.partial && !this.partial(doc)) return [];
    let tuples: unknown[][] = [[]];
    let anyPresent = false;
    for (const [field] of this.fields) {
      const values = pathValues(doc, field);
      if (values.length > 0) anyPresent = true;
      const options = values.length === 0 ? [null] : values.map((v) => (v === undefined ? null : v));
      const distinct = [...new Map(options.map((v) => [valueKey(v), v])).values()];
      if (distinct.length > 1) this.multikey = true;
      tuples = tuples.flatMap((tuple) => distinct.map((v) => [...tuple, v]));
    }
    if (this.spec.sparse && !anyPresent) return [];
    return tuples;
  }

  /** The first key tuple another document already holds in this unique index. */
  findConflict(keys: unknown[][], ownId: string): unknown[] | undefined {
    if (!this.spec.unique) return undefined;
    for (const key of keys) {
      for (const id of this.lookup(key)) if (id !== ownId) return key;
    }
    return undefined;
  }

  add(id: string, keys: unknown[][]): void {
    // A compound tuple built by spread carries ~50 spare slots; the index keeps it, so it is copied exact-size.
    const entries = keys.map((key) => new IndexEntry(this.fields.length === 1 ? key[0] : key.slice(), id));
    this.entriesById.set(id, entries.length === 1 ? entries[0] : entries);
    for (const entry of entries) {
      const { plain, key } = hashKey(this.tupleOf(entry));
      const map = plain ? this.byPlainKey : this.byTypedKey;
      const holders = map.get(key);
      if (holders === undefined) map.set(key, id);
      else if (typeof holders === 'string') map.set(key, new Set([holders, id]));
      else holders.add(id);
      this.pending.push(entry);
    }
  }

  remove(id: string): void {
    const stored = this.entriesById.get(id);
    if (!stored) return;
    this.entriesById.delete(id);
    for (const entry of Array.isArray(stored) ? stored : [stored]) {
      const { plain, key } = hashKey(this.tupleOf(entry));
      const map = plain ? this.byPlainKey : this.byTypedKey;
      const holders = map.get(key);
      if (holders === id) map.delete(key);
      else if (holders instanceof Set) {
        holders.delete(id);
        if (holders.size === 1) map.set(key, holders.values().next().value as string);
      }
      entry.dead = true;
      this.deadCount++;
    }
  }

  /** Ids whose full key equals the tuple (hash lookup). */
  lookup(key: unknown[]): Iterable<string> {
    const { plain, key: hashed } = hashKey(key);
    return idsOf((plain ? this.byPlainKey : this.byTypedKey).get(hashed));
  }

  private tupleOf(entry: IndexEntry): unknown[] {
    return this.fields.length === 1 ? [entry.key] : (entry.key as unknown[]);
  }

  private keyAt(entry: IndexEntry, field: number): unknown {
    return this.fields.length === 1 ? entry.key : (entry.key as unknown[])[field];
  }

  private compareEntries = (a: IndexEntry, b: IndexEntry): number => {
    for (let i = 0; i < this.fields.length; i++) {
      const c = compareValues(this.keyAt(a, i), this.keyAt(b, i)) * this.fields[i][1];
      if (c) return c;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };

  private ordered(): IndexEntry[] {
    if (this.pending.length === 0 && this.deadCount === 0) return this.sorted;
    const live = this.deadCount ? this.sorted.filter((e) => !e.dead) : this.sorted;
    const incoming = this.pending.filter((e) => !e.dead).sort(this.compareEntries);
    const merged: IndexEntry[] = new Array(live.length + incoming.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < live.length && j < incoming.length) merged[k++] = this.compareEntries(live[i], incoming[j]) <= 0 ? live[i++] : incoming[j++];
    while (i < live.length) merged[k++] = live[i++];
    while (j < incoming.length) merged[k++] = incoming[j++];
    this.sorted = merged;
    this.pending = [];
    this.deadCount = 0;
    return merged;
  }

  /**
   * Entries in index order whose leading fields equal `prefix` and whose next field lies in `range`
   * (bounded to the bound's type, as MongoDB brackets comparisons). `reverse` walks backwards.
   */
  *scan(prefix: unknown[], range?: RangeBounds, reverse = false): Generator<IndexEntry> {
    const entries = this.ordered();
    const rangeField = prefix.length;
    const position = (entry: IndexEntry): number => {
      for (let i = 0; i < prefix.length; i++) {
        const c = compareValues(this.keyAt(entry, i), prefix[i]) * this.fields[i][1];
        if (c) return c;
      }
      if (!range || rangeField >= this.fields.length) return 0;
      return rangePosition(this.keyAt(entry, rangeField), range) * this.fields[rangeField][1];
    };
    let lo = 0;
    let hi = entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (position(entries[mid]) < 0) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    hi = entries.length;
    while (end < hi) {
      const mid = (end + hi) >>> 1;
      if (position(entries[mid]) <= 0) end = mid + 1;
      else hi = mid;
    }
    if (reverse) for (let i = end - 1; i >= lo; i--) yield entries[i];
    else for (let i = lo; i < end; i++) yield entries[i];
  }
}

/** -1 below the range, 0 inside, 1 above, in value order. */
function rangePosition(value: unknown, range: RangeBounds): number {
  const bracket = typeOrder(range.lower?.value ?? range.upper?.value);
  const type = typeOrder(value);
  if (type !== bracket) return type < bracket ? -1 : 1;
  if (range.lower) {
    const c = compareValues(value, range.lower.value);
    if (c < 0 || (c === 0 && !range.lower.inclusive)) return -1;
  }
  if (range.upper) {
    const c = compareValues(value, range.upper.value);
    if (c > 0 || (c === 0 && !range.upper.inclusive)) return 1;
  }
  return 0;
}
