import assert from 'node:assert/strict';
import { Decimal128, Double, Long, ObjectId } from 'bson';
import { compileFilter } from '../../server/db/embedded/query/matcher.js';
import type { Doc } from '../../server/db/embedded/engine/values.js';

const id = new ObjectId();
const docs: Doc[] = [
  { _id: id, name: 'ann', n: 3, flag: true },
  { _id: 2, name: ['bob', 'ann'], n: new Double(3), flag: false },
  { _id: 3, name: [['ann']], n: Long.fromNumber(3) },
  { _id: 4, name: 'Ann', n: Decimal128.fromString('3.0'), flag: 'true' },
  { _id: 5, n: [1, 3], nested: { name: 'ann' } },
  { _id: 6, name: null, n: '3' },
  { _id: 7, constructor: 'ann' },
];

const filters: Doc[] = [
  { name: 'ann' },
  { n: 3 },
  { n: 3.5 },
  { flag: true },
  { _id: id },
  { _id: 2, name: 'bob' },
  { name: 'ann', n: 3 },
  { constructor: 'ann' },
  { missing: 'x' },
];

describe('embedded store: direct equality filters', () => {
  for (const filter of filters) {
    it(`matches the same documents as the mingo path when the filter is ${JSON.stringify(filter)}`, () => {
      const direct = compileFilter(filter);
      // Wrapped in $and the same filter goes through mingo and the BSON-aware $eq.
      const throughMingo = compileFilter({ $and: [filter] });
      const expected = docs.filter((doc) => throughMingo(doc)).map((doc) => doc._id);
      assert.deepEqual(
        docs.filter((doc) => direct(doc)).map((doc) => doc._id),
        expected,
      );
    });
  }

  it('matches an array element and every numeric type when the operand is a plain value', () => {
    const byName = compileFilter({ name: 'ann' });
    assert.deepEqual(docs.filter((doc) => byName(doc)).map((doc) => doc._id), [id, 2]);
    const byNumber = compileFilter({ n: 3 });
    assert.deepEqual(docs.filter((doc) => byNumber(doc)).map((doc) => doc._id), [id, 2, 3, 4, 5]);
  });
});
