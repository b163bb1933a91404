import { evalExpr } from 'mingo/core';
import * as dateOperators from 'mingo/operators/expression/date';
import type { Options } from 'mingo/types';
import { isPlainObject } from '../engine/values.js';

type ExpressionFn = (obj: unknown, expr: unknown, options: Options) => unknown;

const nullPropagating = [
  '$year', '$month', '$dayOfMonth', '$hour', '$minute', '$second', '$millisecond', '$dayOfWeek', '$dayOfYear',
  '$week', '$isoWeek', '$isoWeekYear', '$isoDayOfWeek', '$dateToString', '$dateToParts', '$dateAdd', '$dateSubtract', '$dateTrunc',
];

/** Date expression operators that return null for a null or missing date, as MongoDB's do (mingo throws). */
export const nullSafeDateOperators: Record<string, ExpressionFn> = Object.fromEntries(
  nullPropagating
    .filter((name) => name in dateOperators)
    .map((name) => {
      const original = (dateOperators as unknown as Record<string, ExpressionFn>)[name];
      const wrapped: ExpressionFn = (obj, expr, options) => {
        const dateExpr = isPlainObject(expr) ? (expr.date ?? expr.startDate) : Array.isArray(expr) ? expr[0] : expr;
        const value = evalExpr(obj as never, dateExpr as never, options as never);
        if (value === null || value === undefined) return isPlainObject(expr) && 'onNull' in expr ? evalExpr(obj as never, expr.onNull as never, options as never) : null;
        return original(obj, expr, options);
      };
      return [name, wrapped];
    }),
);
