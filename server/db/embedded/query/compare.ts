import { Binary, Decimal128, Long, ObjectId, Timestamp, MinKey, MaxKey, BSONSymbol, Int32, Double } from 'bson';
import { compareExactly } from './exactDecimal.js';

/** Sort key of an empty array: MongoDB sorts `[]` below null. */
export const EMPTY_ARRAY_SORT_KEY = Symbol('emptyArray');

/** MongoDB's cross-type order: MinKey, null, numbers, strings, objects, arrays, binData, ObjectId, bool, Date, Timestamp, RegExp, MaxKey. */
export function typeOrder(value: unknown): number {
  if (value === undefined || value === null) return 2;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return 3;
    case 'string':
      return 4;
    case 'boolean':
      return 9;
  }
  if (value === EMPTY_ARRAY_SORT_KEY) return 1.5;
  if (value instanceof MinKey) return 1;
  if (value instanceof Timestamp) return 11;
  if (value instanceof MaxKey) return 13;
  if (isNumeric(value)) return 3;
  if (value instanceof BSONSymbol) return 4;
  if (Array.isArray(value)) return 6;
  if (value instanceof Binary || value instanceof Uint8Array) return 7;
  if (value instanceof ObjectId) return 8;
  if (value instanceof Date) return 10;
  if (value instanceof Timestamp) return 11;
  if (value instanceof RegExp) return 12;
  return 5;
}

export function isNumeric(value: unknown): boolean {
  if (value instanceof Timestamp) return false;
  return (
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    value instanceof Long ||
    value instanceof Decimal128 ||
    value instanceof Int32 ||
    value instanceof Double
  );
}

/** Converts any BSON numeric to a JS number (Decimal128 and big Longs lose precision, which ordering tolerates). */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Long) return value.toNumber();
  if (value instanceof Decimal128) {
    const text = value.toString();
    if (text === 'NaN' || text === '-NaN') return NaN;
    return Number(text);
  }
  if (value instanceof Int32 || value instanceof Double) return value.value;
  return NaN;
}

/** Exact when one side is a Long beyond 2^53 and the other an integral double. */
function compareLongWithNumber(a: Long, b: number): number | undefined {
  if (!Number.isFinite(b)) return undefined;
  const whole = BigInt(Math.trunc(b));
  const x = a.toBigInt();
  if (x !== whole) return x < whole ? -1 : 1;
  return b === Math.trunc(b) ? 0 : b > 0 ? -1 : 1;
}

function compareNumbers(a: unknown, b: unknown): number {
  if (a instanceof Double) a = a.value;
  if (b instanceof Double) b = b.value;
  if (a instanceof Long && b instanceof Long) return a.compare(b);
  if (a instanceof Decimal128 || b instanceof Decimal128) {
    const exact = compareExactly(a, b);
    if (exact !== undefined) return exact;
  }
  if (a instanceof Long && typeof b === 'number') return compareLongWithNumber(a, b) ?? -sign(b);
  if (b instanceof Long && typeof a === 'number') return -(compareLongWithNumber(b, a) ?? -sign(a));
  const x = toNumber(a);
  const y = toNumber(b);
  // MongoDB orders NaN below every other number.
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
  if (Number.isNaN(y)) return 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return sign(Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  for (let i = 0; i < Math.min(keysA.length, keysB.length); i++) {
    const byType = typeOrder(a[keysA[i]]) - typeOrder(b[keysB[i]]);
    if (byType) return sign(byType);
    if (keysA[i] !== keysB[i]) return keysA[i] < keysB[i] ? -1 : 1;
    const byValue = compareValues(a[keysA[i]], b[keysB[i]]);
    if (byValue) return byValue;
  }
  return sign(keysA.length - keysB.length);
}

/** Code units from U+D800 up, where UTF-16 order (surrogates below U+E000-U+FFFF) and UTF-8 byte order part ways. */
const HIGH_CODE_UNIT = /[\uD800-\uFFFF]/;

/** MongoDB's simple collation compares strings by their UTF-8 bytes, which is code point order. */
export function compareStrings(x: string, y: string): number {
  if (x === y) return 0;
  if (!HIGH_CODE_UNIT.test(x) || !HIGH_CODE_UNIT.test(y)) return x < y ? -1 : 1;
  const length = Math.min(x.length, y.length);
  for (let i = 0; i < length; i++) {
    const cx = x.charCodeAt(i);
    const cy = y.charCodeAt(i);
    if (cx === cy) continue;
    // Surrogates (astral code points) belong above U+E000-U+FFFF in code point order.
    const rank = (c: number) => (c >= 0xe000 ? c - 0x800 : c >= 0xd800 ? c + 0x2000 : c);
    return rank(cx) < rank(cy) ? -1 : 1;
  }
  return x.length < y.length ? -1 : 1;
}

/** Total order over BSON values as MongoDB sorts them (no collation). */
export function compareValues(a: unknown, b: unknown): number {
  const byType = typeOrder(a) - typeOrder(b);
  if (byType) return sign(byType);
  switch (typeOrder(a)) {
    case 1:
    case 1.5:
    case 2:
    case 13:
      return 0;
    case 3:
      return compareNumbers(a, b);
    case 4:
      return compareStrings(String(a), String(b));
    case 5:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
    case 6: {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compareValues(x[i], y[i]);
        if (c) return c;
      }
      return sign(x.length - y.length);
    }
    case 7: {
      const x = a instanceof Binary ? a : new Binary(a as Uint8Array);
      const y = b instanceof Binary ? b : new Binary(b as Uint8Array);
      if (x.position !== y.position) return x.position < y.position ? -1 : 1;
      if (x.sub_type !== y.sub_type) return x.sub_type < y.sub_type ? -1 : 1;
      return compareBytes(x.buffer.subarray(0, x.position), y.buffer.subarray(0, y.position));
    }
    case 8:
      return compareBytes((a as ObjectId).id, (b as ObjectId).id);
    case 9:
      return sign(Number(a) - Number(b));
    case 10:
      return sign((a as Date).getTime() - (b as Date).getTime());
    case 11:
      return (a as Timestamp).compare(b as Timestamp);
    case 12: {
      const x = a as RegExp;
      const y = b as RegExp;
      return x.source < y.source ? -1 : x.source > y.source ? 1 : x.flags < y.flags ? -1 : x.flags > y.flags ? 1 : 0;
    }
  }
  return 0;
}

export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeOrder(a) !== typeOrder(b)) return false;
  return compareValues(a, b) === 0;
}
