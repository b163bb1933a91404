import { Decimal128, Double, Int32, Long } from 'bson';

/**
 * How numbers live in memory: an Int32 and a non-integral Double are plain JS numbers (BSON serializes a number
 * back as int32 when it is integral and in range, else as double), while a whole-number Double keeps a `Double`
 * wrapper and a Long always stays a `Long`, so neither changes type on the way back to the client.
 */
export type NumericKind = 'int' | 'long' | 'double' | 'decimal';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

export const fitsInt32 = (n: number) => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX && !Object.is(n, -0);

/** A double as stored: a plain number unless BSON would otherwise re-encode it as an int32. */
export function storedDouble(n: number): number | Double {
  return fitsInt32(n) ? new Double(n) : n;
}

export function numericKind(value: unknown): NumericKind | undefined {
  if (typeof value === 'number') return fitsInt32(value) ? 'int' : 'double';
  if (value instanceof Double) return 'double';
  if (value instanceof Long) return 'long';
  if (value instanceof Int32) return 'int';
  if (value instanceof Decimal128) return 'decimal';
  return undefined;
}

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] =>
  Array.isArray(value) || (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype);

function normalizeScalar(value: unknown): unknown {
  if (value instanceof Int32) return value.value;
  if (value instanceof Double) return storedDouble(value.value);
  return value;
}

/**
 * Brings a document decoded with `promoteValues: false` into the in-memory representation, in place
 * (it was just decoded, so nobody else holds it). Returns the document.
 */
export function normalizeDecoded<T>(value: T): T {
  return normalizeInPlace(value) as T;
}

function normalizeInPlace(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = normalizeInPlace(value[i]);
    return value;
  }
  if (isContainer(value)) {
    const doc = value as Record<string, unknown>;
    for (const key in doc) {
      const item = doc[key];
      if (isContainer(item)) normalizeInPlace(item);
      else if (item instanceof Int32 || item instanceof Double) doc[key] = normalizeScalar(item);
    }
    return doc;
  }
  return normalizeScalar(value);
}

/** A JS number for a wrapper that mingo's arithmetic would not understand (Longs beyond 2^53 stay Longs). */
function plainScalar(value: unknown): unknown {
  if (value instanceof Double) return value.value;
  if (value instanceof Long) {
    const n = value.toNumber();
    return Number.isSafeInteger(n) ? n : value;
  }
  return value;
}

/**
 * A copy of a document with Double and (safe) Long wrappers replaced by JS numbers, for the aggregation library,
 * whose arithmetic and accumulators only know numbers. Containers are copied only when something inside changed.
 */
export function plainNumbers<T>(value: T): T {
  return plainCopy(value) as T;
}

function plainCopy(value: unknown): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const next = plainCopy(value[i]);
      if (next !== value[i]) (copy ??= [...value])[i] = next;
    }
    return copy ?? value;
  }
  if (isContainer(value)) {
    const doc = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const key in doc) {
      const next = plainCopy(doc[key]);
      if (next !== doc[key]) (copy ??= { ...doc })[key] = next;
    }
    return copy ?? doc;
  }
  return plainScalar(value);
}
