import { Decimal128, Long } from 'bson';
import { badValue } from '../errors.js';
import { numericKind, storedDouble, type NumericKind } from '../engine/numbers.js';
import { toNumber } from '../query/compare.js';

export type ArithmeticOp = '$inc' | '$mul';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** MongoDB's result type: decimal beats double beats long beats int. */
function resultKind(a: NumericKind, b: NumericKind): NumericKind {
  for (const kind of ['decimal', 'double', 'long'] as const) if (a === kind || b === kind) return kind;
  return 'int';
}

const asBigInt = (value: unknown): bigint => (value instanceof Long ? value.toBigInt() : BigInt(toNumber(value)));

function decimalText(value: unknown): string {
  return value instanceof Decimal128 ? value.toString() : value instanceof Long ? value.toString() : String(toNumber(value));
}

/** Decimal arithmetic done exactly on coefficient/exponent pairs, then rounded to 34 digits by bson. */
function decimalResult(a: unknown, b: unknown, op: ArithmeticOp): Decimal128 {
  const parse = (text: string) => {
    if (!/^-?\d/.test(text)) return undefined;
    const [digits, exp = '0'] = text.toUpperCase().split('E');
    const [whole, fraction = ''] = digits.split('.');
    return { coefficient: BigInt(whole + fraction), exponent: Number(exp) - fraction.length };
  };
  const x = parse(decimalText(a));
  const y = parse(decimalText(b));
  if (!x || !y) {
    const n = op === '$inc' ? toNumber(a) + toNumber(b) : toNumber(a) * toNumber(b);
    return Decimal128.fromString(Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity');
  }
  let coefficient: bigint;
  let exponent: number;
  if (op === '$mul') {
    coefficient = x.coefficient * y.coefficient;
    exponent = x.exponent + y.exponent;
  } else {
    exponent = Math.min(x.exponent, y.exponent);
    coefficient = x.coefficient * 10n ** BigInt(x.exponent - exponent) + y.coefficient * 10n ** BigInt(y.exponent - exponent);
  }
  return Decimal128.fromStringWithRounding(`${coefficient}E${exponent}`);
}

/**
 * `$inc`/`$mul` with MongoDB's type rules: int with int stays int unless it overflows (then long), long with
 * int or long stays long (overflow is an error), anything with a double gives a double, anything with a
 * decimal gives a decimal.
 */
export function arithmetic(current: unknown, operand: unknown, op: ArithmeticOp, path: string): unknown {
  const left = numericKind(current) as NumericKind;
  const right = numericKind(operand) as NumericKind;
  const kind = resultKind(left, right);
  if (kind === 'decimal') return decimalResult(current, operand, op);
  if (kind === 'double') {
    const x = toNumber(current);
    const y = toNumber(operand);
    return storedDouble(op === '$inc' ? x + y : x * y);
  }
  const x = asBigInt(current);
  const y = asBigInt(operand);
  const result = op === '$inc' ? x + y : x * y;
  if (kind === 'int' && result >= -(2n ** 31n) && result < 2n ** 31n) return Number(result);
  if (result < INT64_MIN || result > INT64_MAX) {
    throw badValue(`Failed to apply ${op} operations to current value (${String(current)}) for document {${path}}: integer overflow`);
  }
  return Long.fromBigInt(result);
}
