import assert from 'node:assert/strict';
import { Decimal128, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'bson';
import { compareValues, valuesEqual } from '../../server/db/embedded/query/compare.js';
import { valueKey } from '../../server/db/embedded/engine/values.js';
import { compileFilter } from '../../server/db/embedded/query/matcher.js';

describe('embedded store: BSON comparison', () => {
  it('treats 1, Long(1) and Decimal128("1") as equal when comparing numbers of different types', () => {
    assert.ok(valuesEqual(1, Long.fromNumber(1)));
    assert.ok(valuesEqual(Decimal128.fromString('1.0'), 1));
    assert.equal(valueKey(Long.fromNumber(1)), valueKey(1));
  });

  it('compares a Long beyond 2^53 exactly when the other side is a double', () => {
    assert.equal(compareValues(Long.fromString('9007199254740993'), 9007199254740992), 1);
    assert.equal(compareValues(9007199254740992, Long.fromString('9007199254740993')), -1);
  });

  it('orders values across types as MongoDB does when types differ', () => {
    const ladder = [new MinKey(), null, 1, 'a', { a: 1 }, [1], new ObjectId(), false, new Date(0), new Timestamp({ t: 1, i: 1 }), /x/, new MaxKey()];
    const shuffled = [...ladder].reverse();
    assert.deepEqual(shuffled.sort(compareValues), ladder);
  });

  it('orders ObjectIds by their bytes when both sides are ObjectIds', () => {
    assert.equal(compareValues(new ObjectId('000000000000000000000001'), new ObjectId('0000000000000000000000ff')), -1);
  });

  it('matches $gt only within the operand type bracket when a filter compares across types', () => {
    const match = compileFilter({ v: { $gt: 1 } });
    assert.deepEqual([{ v: 2 }, { v: 'z' }, { v: Long.fromNumber(5) }, { v: Decimal128.fromString('0.5') }].map((doc) => match(doc)), [true, false, true, false]);
  });

  it('matches $type by BSON type name when a filter asks for a type', () => {
    const match = compileFilter({ v: { $type: ['long', 'objectId'] } });
    assert.deepEqual([{ v: Long.fromNumber(1) }, { v: new ObjectId() }, { v: 1 }].map((doc) => match(doc)), [true, true, false]);
  });
});
