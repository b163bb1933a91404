import assert from 'node:assert/strict';
import { Decimal128, Double, Int32, Long } from 'bson';
import { normalizeDecoded, plainNumbers } from '../../server/db/embedded/engine/numbers.js';
import { identicalValues, valueKey } from '../../server/db/embedded/engine/values.js';
import { compareStrings, compareValues } from '../../server/db/embedded/query/compare.js';
import { arithmetic } from '../../server/db/embedded/update/arithmetic.js';

describe('embedded store: numeric and string comparison', () => {
  it('orders Decimal128 exactly against doubles and Longs when values differ beyond double precision', () => {
    assert.equal(compareValues(Decimal128.fromString('0.1'), 0.1), -1);
    assert.equal(compareValues(0.1, Decimal128.fromString('0.1')), 1);
    assert.equal(compareValues(Decimal128.fromString('9007199254740993'), Long.fromString('9007199254740993')), 0);
    assert.equal(compareValues(Decimal128.fromString('9007199254740993'), 9007199254740992), 1);
    assert.equal(compareValues(Decimal128.fromString('1E+2'), new Double(100)), 0);
    assert.equal(compareValues(Decimal128.fromString('NaN'), -Infinity), -1);
  });

  it('orders strings by code point when astral characters meet U+E000-U+FFFF', () => {
    assert.equal(compareStrings('\u{1F600}', '\uFF5E'), 1);
    assert.equal(compareStrings('a\uFF5E', 'a\u{10000}'), -1);
    assert.equal(compareStrings('abc', 'abd'), -1);
    assert.equal(compareStrings('\u{1F600}', '\u{1F600}x'), -1);
  });

  it('keys 3, Double(3), Long(3) and Decimal128(3) alike but keeps them distinct for change detection', () => {
    const keys = new Set([3, new Double(3), Long.fromNumber(3), Decimal128.fromString('3')].map(valueKey));
    assert.equal(keys.size, 1);
    assert.equal(identicalValues({ a: 3 }, { a: new Double(3) }), false);
    assert.equal(identicalValues({ a: [new Double(3)] }, { a: [new Double(3)] }), true);
    assert.equal(identicalValues({ a: 1, b: 2 }, { b: 2, a: 1 }), false);
  });

  it('keeps whole Doubles and Longs wrapped and unwraps Int32 when a decoded document is normalised', () => {
    const doc = normalizeDecoded({ i: new Int32(1), d: new Double(2), f: new Double(2.5), l: Long.fromNumber(3), nested: [{ x: new Int32(4) }] });
    assert.equal(doc.i as unknown, 1);
    assert.ok(doc.d instanceof Double);
    assert.equal(doc.f as unknown, 2.5);
    assert.ok(doc.l instanceof Long);
    assert.equal(doc.nested[0].x as unknown, 4);
    const stored = { d: new Double(2), same: { s: 'x' } };
    const plain = plainNumbers(stored);
    assert.equal(plain.d as unknown, 2);
    assert.equal(plain.same, stored.same);
    assert.ok(stored.d instanceof Double);
  });

  it('applies MongoDB type promotion when $inc and $mul combine numeric types', () => {
    assert.deepEqual(arithmetic(2 ** 31 - 1, 1, '$inc', 'n'), Long.fromNumber(2 ** 31));
    assert.equal(arithmetic(3, 4, '$mul', 'n'), 12);
    assert.ok(arithmetic(Long.fromNumber(1), 2, '$inc', 'n') instanceof Long);
    assert.ok(arithmetic(1, new Double(1), '$inc', 'n') instanceof Double);
    assert.equal(arithmetic(1, 0.5, '$inc', 'n'), 1.5);
    assert.equal(String(arithmetic(Decimal128.fromString('0.1'), Decimal128.fromString('0.2'), '$inc', 'n')), '0.3');
    assert.equal(String(arithmetic(Decimal128.fromString('1.5'), Long.fromNumber(2), '$mul', 'n')), '3.0');
    assert.throws(() => arithmetic(Long.MAX_VALUE, 1, '$inc', 'n'), { code: 2 });
  });
});
