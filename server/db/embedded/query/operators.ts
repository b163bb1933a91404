import { Decimal128, Long, type Binary } from 'bson';
import { resolve } from 'mingo/util';
import { $all as mingoAll } from 'mingo/operators/query';
import { isPlainObject } from '../engine/values.js';
import type { Options } from 'mingo/types';
import { compareValues, isNumeric, toNumber, typeOrder, valuesEqual } from './compare.js';
import { fitsInt32 } from '../engine/numbers.js';
import { badValue } from '../errors.js';

type Predicate = (value: unknown, operand: unknown) => boolean;

/** Values a field comparison looks at: the field itself and, for arrays, their elements. */
function candidates(value: unknown): unknown[] {
  return Array.isArray(value) ? [value, ...value] : [value];
}

function flattenResolved(value: unknown, depth: number): unknown[] {
  let items = candidates(value);
  for (let i = 0; i < depth; i++) items = items.flatMap((v) => (Array.isArray(v) ? v : [v]));
  return items;
}

function equalsOperand(value: unknown, operand: unknown, depth: number): boolean {
  if (operand === null && (value === undefined || value === null)) return true;
  return flattenResolved(value, depth).some((v) => valuesEqual(v, operand) || (operand === null && v === undefined));
}

/** Comparisons only match values in the operand's type bracket, as in MongoDB. */
function ordered(test: (c: number) => boolean, nullMatches: boolean): Predicate {
  return (value, operand) => {
    if (operand === null) return nullMatches && (value === undefined || value === null || candidates(value).some((v) => v === null));
    return candidates(value).some((v) => typeOrder(v) === typeOrder(operand) && test(compareValues(v, operand)));
  };
}

function inList(value: unknown, operand: unknown, depth: number): boolean {
  if (!Array.isArray(operand)) throw badValue('$in needs an array');
  return operand.some((item) =>
    item instanceof RegExp
      ? candidates(value).some((v) => typeof v === 'string' && item.test(v))
      : equalsOperand(value, item, depth),
  );
}

const typeAliases: Record<string, number> = {
  double: 1, string: 2, object: 3, array: 4, binData: 5, undefined: 6, objectId: 7, bool: 8, date: 9, null: 10,
  regex: 11, javascript: 13, symbol: 14, int: 16, timestamp: 17, long: 18, decimal: 19, minKey: -1, maxKey: 127,
};

/** The BSON type number a stored value would serialize as. */
export function bsonTypeNumber(value: unknown): number {
  if (value === null || value === undefined) return 10;
  if (typeof value === 'number') return fitsInt32(value) ? 16 : 1;
  if (typeof value === 'string') return 2;
  if (typeof value === 'boolean') return 8;
  if (Array.isArray(value)) return 4;
  if (value instanceof Date) return 9;
  if (value instanceof RegExp) return 11;
  if ((value as { _bsontype?: string })._bsontype === 'Timestamp') return 17;
  if (value instanceof Long) return 18;
  if (value instanceof Decimal128) return 19;
  const bsonType = (value as { _bsontype?: string })._bsontype;
  const byName: Record<string, number> = { ObjectId: 7, Binary: 5, Timestamp: 17, MinKey: -1, MaxKey: 127, Code: 13, BSONSymbol: 14, Double: 1, Int32: 16 };
  if (bsonType && bsonType in byName) return byName[bsonType];
  if ((value as Binary) instanceof Uint8Array) return 5;
  return 3;
}

function matchesType(value: unknown, wanted: unknown): boolean {
  if (wanted === 'number') return isNumeric(value);
  const code = typeof wanted === 'string' ? typeAliases[wanted] : Number(wanted);
  if (code === undefined || Number.isNaN(code)) throw badValue(`Unknown type name alias: ${String(wanted)}`);
  return bsonTypeNumber(value) === code;
}

function fieldOperator(predicate: (value: unknown, operand: unknown, depth: number) => boolean) {
  return (selector: string, operand: unknown, _options: Options) => {
    const depth = selector.split('.').length - 1;
    return (doc: Record<string, unknown>) => predicate(resolve(doc, selector, { unwrapArray: true }), operand, depth);
  };
}

/** Every listed value must be present; `$elemMatch` clauses are left to mingo. */
function allOperator(selector: string, operand: unknown, options: Options): (doc: Record<string, unknown>) => boolean {
  if (!Array.isArray(operand)) throw badValue('$all needs an array');
  if (operand.some((item) => isPlainObject(item) && '$elemMatch' in item)) return (mingoAll as unknown as typeof allOperator)(selector, operand, options);
  return fieldOperator((value, items: unknown, depth) => (items as unknown[]).length > 0 && (items as unknown[]).every((item) => inList(value, [item], depth)))(selector, operand, options);
}

/** Query operators that replace mingo's so BSON types compare as MongoDB compares them. */
export const bsonQueryOperators = {
  $eq: fieldOperator(equalsOperand),
  $ne: fieldOperator((v, o, d) => !equalsOperand(v, o, d)),
  $gt: fieldOperator(ordered((c) => c > 0, false)),
  $gte: fieldOperator(ordered((c) => c >= 0, true)),
  $lt: fieldOperator(ordered((c) => c < 0, false)),
  $lte: fieldOperator(ordered((c) => c <= 0, true)),
  $in: fieldOperator(inList),
  $all: allOperator,
  $nin: fieldOperator((v, o, d) => !inList(v, o, d)),
  $type: fieldOperator((value, operand) => {
    const wanted = Array.isArray(operand) ? operand : [operand];
    if (value === undefined) return false;
    const values = Array.isArray(value) ? [value, ...value] : [value];
    return values.some((v) => wanted.some((w) => matchesType(v, w)));
  }),
  $size: (selector: string, received: unknown) => {
    const operand = isNumeric(received) ? toNumber(received) : received;
    if (typeof operand !== 'number' || !Number.isInteger(operand) || operand < 0) throw badValue(`$size needs a non-negative whole number, got ${JSON.stringify(operand)}`);
    return (doc: Record<string, unknown>) => {
      const value = resolve(doc, selector, { unwrapArray: true });
      return Array.isArray(value) && value.length === operand;
    };
  },
  $where: () => {
    throw badValue('$where is not supported by the embedded store');
  },
  $jsonSchema: () => {
    throw badValue('$jsonSchema is not supported by the embedded store');
  },
};
