import { evalExpr } from 'mingo/core';
import * as arithmetic from 'mingo/operators/expression/arithmetic';
import * as comparison from 'mingo/operators/expression/comparison';
import type { Options } from 'mingo/types';
import { plainNumbers } from '../engine/numbers.js';
import { compareStrings, compareValues, isNumeric } from './compare.js';

type ExpressionFn = (obj: unknown, expr: unknown, options: Options) => unknown;

const evaluate = (obj: unknown, expr: unknown, options: Options) => evalExpr(obj as never, expr as never, options as never);

/** Compares numbers across Int32/Long/Double/Decimal128 and strings by code point; anything else is mingo's call. */
function comparisonOperator(name: keyof typeof comparison, test: (c: number) => unknown): ExpressionFn {
  const fallback = comparison[name] as unknown as ExpressionFn;
  return (obj, expr, options) => {
    if (!Array.isArray(expr) || expr.length !== 2) return fallback(obj, expr, options);
    const [a, b] = expr.map((part) => evaluate(obj, part, options));
    if (isNumeric(a) && isNumeric(b)) return test(compareValues(a, b));
    if (typeof a === 'string' && typeof b === 'string') return test(compareStrings(a, b));
    return fallback(obj, expr, options);
  };
}

/** Runs mingo's arithmetic on arguments whose Double and Long wrappers were turned into JS numbers. */
function arithmeticOperator(name: keyof typeof arithmetic): ExpressionFn {
  const original = arithmetic[name] as unknown as ExpressionFn;
  return (obj, expr, options) => {
    const literal = (part: unknown) => ({ $literal: plainNumbers(evaluate(obj, part, options)) });
    return original(obj, Array.isArray(expr) ? expr.map(literal) : literal(expr), options);
  };
}

const arithmeticNames = ['$abs', '$add', '$ceil', '$divide', '$exp', '$floor', '$ln', '$log', '$log10', '$mod', '$multiply', '$pow', '$round', '$sqrt', '$subtract', '$trunc'] as const;

/**
 * Expression operators that understand the Double and Long wrappers stored documents hold (aggregate unwraps its
 * input for mingo, but `$expr` in a find filter sees stored documents as they are).
 */
export const numericExpressions: Record<string, ExpressionFn> = {
  $eq: comparisonOperator('$eq', (c) => c === 0),
  $ne: comparisonOperator('$ne', (c) => c !== 0),
  $gt: comparisonOperator('$gt', (c) => c > 0),
  $gte: comparisonOperator('$gte', (c) => c >= 0),
  $lt: comparisonOperator('$lt', (c) => c < 0),
  $lte: comparisonOperator('$lte', (c) => c <= 0),
  $cmp: comparisonOperator('$cmp', (c) => c),
  ...Object.fromEntries(arithmeticNames.map((name) => [name, arithmeticOperator(name)])),
};
