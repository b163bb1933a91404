import { Binary, ObjectId, Timestamp } from 'bson';
import { isNumeric, toNumber } from '../query/compare.js';
import { numericKind } from './numbers.js';

export type Doc = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Deep copy of a BSON value: containers and Dates are copied; the immutable bson classes are shared. */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneValue) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (isPlainObject(value)) {
    const copy: Doc = {};
    for (const key of Object.keys(value)) copy[key] = cloneValue(value[key]);
    return copy as T;
  }
  return value;
}

// toHexString builds its result by concatenation: kept as a key, that chain of cons strings costs ~260 bytes
// per id, where one flat string copied out of a scratch buffer costs ~50.
const objectIdKeyScratch = Buffer.from('o'.padEnd(25, '0'), 'latin1');

function objectIdKey(id: ObjectId): string {
  objectIdKeyScratch.write(id.toHexString(), 1, 'latin1');
  return objectIdKeyScratch.toString('latin1', 0, 25);
}

/**
 * A string identifying a value up to MongoDB equality (1, 1.0, Long(1) and Decimal128('1') share one key),
 * used for hash lookups in indexes and the primary key map.
 */
export function valueKey(value: unknown): string {
  if (value === undefined || value === null) return 'z';
  switch (typeof value) {
    case 'number':
      return 'n' + (value === 0 ? 0 : value);
    case 'string':
      return 's' + value;
    case 'boolean':
      return value ? 'b1' : 'b0';
    case 'bigint':
      return 'n' + Number(value);
  }
  if (value instanceof ObjectId) return objectIdKey(value);
  if (value instanceof Date) return 'd' + value.getTime();
  if (value instanceof Timestamp) return 't' + value.toString();
  if (isNumeric(value)) return 'n' + (toNumber(value) || 0);
  if (Array.isArray(value)) return 'a' + JSON.stringify(value.map(valueKey));
  if (value instanceof Binary) return 'x' + value.sub_type + ':' + Buffer.from(value.buffer.subarray(0, value.position)).toString('base64');
  if (value instanceof RegExp) return 'r' + value.source + '/' + value.flags;
  if (isPlainObject(value)) return 'O' + JSON.stringify(Object.entries(value).map(([k, v]) => [k, valueKey(v)]));
  const named = value as { _bsontype?: string; toString(): string };
  return (named._bsontype ?? 'unknown') + ':' + named.toString();
}

/**
 * Whether two values would serialize to the same BSON (type included: Int32 1 and Double 1.0 differ), which is
 * how MongoDB decides that an update modified a document.
 */
export function identicalValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const kind = numericKind(a);
  if (kind !== undefined) return kind === numericKind(b) && String(a) === String(b) && Object.is(toNumber(a), toNumber(b));
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => identicalValues(item, b[i]));
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return keysA.length === keysB.length && keysA.every((key, i) => key === keysB[i] && identicalValues(a[key], b[key]));
  }
  return !isPlainObject(b) && !Array.isArray(b) && valueKey(a) === valueKey(b);
}

/**
 * Values reached by a dotted path, descending into arrays the way index keys and sorts do:
 * `{a:[{b:1},{b:2}]}` at `a.b` gives [1, 2]. A missing path gives [].
 */
export function pathValues(doc: unknown, path: string): unknown[] {
  const parts = path.split('.');
  const out: unknown[] = [];
  const walk = (value: unknown, i: number) => {
    if (i === parts.length) {
      if (Array.isArray(value)) {
        if (value.length === 0) out.push(undefined);
        else out.push(...value);
      } else {
        out.push(value);
      }
      return;
    }
    if (Array.isArray(value)) {
      const index = /^\d+$/.test(parts[i]) ? Number(parts[i]) : -1;
      if (index >= 0) {
        if (index < value.length) walk(value[index], i + 1);
        return;
      }
      for (const item of value) if (isPlainObject(item)) walk(item, i);
      return;
    }
    if (isPlainObject(value) && parts[i] in value) walk(value[parts[i]], i + 1);
  };
  walk(doc, 0);
  return out;
}

/** Reads a dotted path without descending into arrays except by numeric index. */
export function getPath(doc: unknown, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(value) && /^\d+$/.test(part)) value = value[Number(part)];
    else if (isPlainObject(value)) value = value[part];
    else return undefined;
  }
  return value;
}
