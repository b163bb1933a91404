import { Decimal128, Double, Long } from 'bson';

/** A finite number as coefficient × 10^exponent, exactly. */
interface Exact {
  coefficient: bigint;
  exponent: number;
}

/** Every finite double is m × 2^e; with e < 0 that is m × 5^-e × 10^e, so the conversion is exact. */
function exactDouble(n: number): Exact {
  if (Number.isInteger(n)) return { coefficient: BigInt(n), exponent: 0 };
  let exponent2 = 0;
  let mantissa = n;
  while (!Number.isInteger(mantissa)) {
    mantissa *= 2;
    exponent2--;
  }
  return { coefficient: BigInt(mantissa) * 5n ** BigInt(-exponent2), exponent: exponent2 };
}

function exactDecimal(text: string): Exact {
  const [digits, exp = '0'] = text.toUpperCase().split('E');
  const [whole, fraction = ''] = digits.split('.');
  return { coefficient: BigInt(whole + fraction), exponent: Number(exp) - fraction.length };
}

/** undefined for NaN and infinities, which the caller orders numerically. */
function exactOf(value: unknown): Exact | undefined {
  if (value instanceof Decimal128) {
    const text = value.toString();
    return /^-?(NaN|Inf)/i.test(text) ? undefined : exactDecimal(text);
  }
  if (value instanceof Long) return { coefficient: value.toBigInt(), exponent: 0 };
  const n = value instanceof Double ? value.value : Number(value);
  return Number.isFinite(n) ? exactDouble(n) : undefined;
}

/** Exact comparison when a Decimal128 is involved (0.1 as a double is not 0.1 as a decimal); undefined for non-finite values. */
export function compareExactly(a: unknown, b: unknown): number | undefined {
  const x = exactOf(a);
  const y = exactOf(b);
  if (!x || !y) return undefined;
  const shift = x.exponent - y.exponent;
  const left = shift > 0 ? x.coefficient * 10n ** BigInt(shift) : x.coefficient;
  const right = shift < 0 ? y.coefficient * 10n ** BigInt(-shift) : y.coefficient;
  return left < right ? -1 : left > right ? 1 : 0;
}
