import { ObjectId } from 'bson';
import { evalExpr } from 'mingo/core';
import { $toString as mingoToString } from 'mingo/operators/expression/type';
import type { Options } from 'mingo/types';
import { badValue } from '../errors.js';
import { bsonTypeNumber } from './operators.js';

type ExpressionFn = (obj: unknown, expr: unknown, options: Options) => unknown;

const argument = (obj: unknown, expr: unknown, options: Options) => evalExpr(obj as never, (Array.isArray(expr) ? expr[0] : expr) as never, options as never);

const typeNames: Record<number, string> = {
  1: 'double', 2: 'string', 3: 'object', 4: 'array', 5: 'binData', 7: 'objectId', 8: 'bool', 9: 'date', 10: 'null',
  11: 'regex', 13: 'javascript', 14: 'symbol', 16: 'int', 17: 'timestamp', 18: 'long', 19: 'decimal', [-1]: 'minKey', 127: 'maxKey',
};

/** Aggregation expressions whose mingo versions do not know the bson classes. */
export const bsonExpressions: Record<string, ExpressionFn> = {
  $toString: (obj, expr, options) => {
    const value = argument(obj, expr, options);
    if (value instanceof ObjectId) return value.toHexString();
    if (value instanceof Date) return value.toISOString();
    if (value !== null && typeof value === 'object' && '_bsontype' in value) return String(value);
    return (mingoToString as unknown as ExpressionFn)(obj, expr, options);
  },
  $toObjectId: (obj, expr, options) => {
    const value = argument(obj, expr, options);
    if (value === null || value === undefined) return null;
    if (value instanceof ObjectId) return value;
    if (typeof value === 'string' && ObjectId.isValid(value) && value.length === 24) return new ObjectId(value);
    throw badValue(`Failed to parse objectId '${String(value)}' in $convert with no onError value`);
  },
  $type: (obj, expr, options) => {
    const value = argument(obj, expr, options);
    return value === undefined ? 'missing' : typeNames[bsonTypeNumber(value)];
  },
};
