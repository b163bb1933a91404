import assert from 'node:assert/strict';
import { Binary, BSONRegExp, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'mongodb';
import { idsMatching, useConformanceDb } from './support/conformanceDb.js';

describe('conformance: BSON comparison and sort order', () => {
  const ctx = useConformanceDb('conf_bson');

  /** A fresh collection holding one document per value, with _id equal to the value's position. */
  async function collectionOf(values: unknown[]) {
    const coll = ctx.fresh();
    await coll.insertMany(values.map((v, index) => ({ _id: index, v })));
    return coll;
  }

  async function sortedIds(values: unknown[], direction: 1 | -1) {
    const coll = await collectionOf(values);
    const docs = await coll.find().sort({ v: direction, _id: 1 }).toArray();
    return docs.map((doc) => doc._id);
  }

  const one = [new Int32(1), Long.fromNumber(1), new Double(1), Decimal128.fromString('1')];

  it('matches Int32, Long, Double and Decimal128 ones when the filter is a plain number', async () => {
    const coll = await collectionOf([...one, 2]);
    assert.deepEqual(await idsMatching(coll, { v: 1 }), [0, 1, 2, 3]);
  });

  it('matches every numeric type when the filter value is a Long', async () => {
    const coll = await collectionOf([...one, 2]);
    assert.deepEqual(await idsMatching(coll, { v: Long.fromNumber(1) }), [0, 1, 2, 3]);
  });

  it('matches every numeric type when the filter value is a Decimal128 with trailing zeros', async () => {
    const coll = await collectionOf([...one, 2]);
    assert.deepEqual(await idsMatching(coll, { v: Decimal128.fromString('1.00') }), [0, 1, 2, 3]);
  });

  it('compares numerically across types when a range filter is used', async () => {
    const coll = await collectionOf([new Double(1.5), Long.fromNumber(2), Decimal128.fromString('1.25'), new Int32(1)]);
    assert.deepEqual(await idsMatching(coll, { v: { $gt: new Int32(1) } }), [0, 1, 2]);
    assert.deepEqual(await idsMatching(coll, { v: { $lt: Decimal128.fromString('1.3') } }), [2, 3]);
  });

  it('compares a Long beyond 2^53 exactly when the filter is a Double', async () => {
    const coll = await collectionOf([Long.fromString('9007199254740993'), new Double(9007199254740992)]);
    assert.deepEqual(await idsMatching(coll, { v: { $gt: 9007199254740992 } }), [0]);
  });

  it('sorts mixed numeric types by value when sorting ascending', async () => {
    const values = [Long.fromNumber(3), new Double(2.5), new Int32(1), Decimal128.fromString('2.75'), new Double(-4)];
    assert.deepEqual(await sortedIds(values, 1), [4, 2, 1, 3, 0]);
  });

  it('matches only the bracketed type when a comparison meets other types', async () => {
    const coll = await collectionOf([5, '5', 'abc', new Date(5), true]);
    assert.deepEqual(await idsMatching(coll, { v: { $gte: 0 } }), [0]);
    assert.deepEqual(await idsMatching(coll, { v: { $gte: '' } }), [1, 2]);
  });

  it('never equates a number with a string when the digits are the same', async () => {
    const coll = await collectionOf([5, '5']);
    assert.deepEqual(await idsMatching(coll, { v: 5 }), [0]);
    assert.deepEqual(await idsMatching(coll, { v: '5' }), [1]);
  });

  const typeLadder = () => [
    new MaxKey(),
    new BSONRegExp('abc', 'i'),
    new Timestamp({ t: 1, i: 1 }),
    new Date('2020-01-01T00:00:00Z'),
    true,
    new ObjectId('507f1f77bcf86cd799439011'),
    new Binary(Buffer.from([1, 2, 3])),
    { a: 1 },
    'text',
    42,
    null,
    new MinKey(),
  ];

  it('sorts types as MinKey, null, number, string, object, binData, ObjectId, bool, Date, Timestamp, regex, MaxKey when ascending', async () => {
    assert.deepEqual(await sortedIds(typeLadder(), 1), [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
  });

  it('reverses the type order when sorting descending', async () => {
    assert.deepEqual(await sortedIds(typeLadder(), -1), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('sorts a missing field together with null when sorting ascending', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ _id: 1, v: 3 }, { _id: 2 }, { _id: 3, v: null }, { _id: 4, v: 'a' }]);
    const docs = await coll.find().sort({ v: 1, _id: 1 }).toArray();
    assert.deepEqual(docs.map((doc) => doc._id), [2, 3, 1, 4]);
  });

  it('sorts by the smallest element when an array field is sorted ascending', async () => {
    assert.deepEqual(await sortedIds([[1, 5], [3], [2, 4]], 1), [0, 2, 1]);
  });

  it('sorts by the largest element when an array field is sorted descending', async () => {
    assert.deepEqual(await sortedIds([[1, 6], [3], [2, 4]], -1), [0, 2, 1]);
  });

  it('sorts an empty array before null when sorting ascending', async () => {
    assert.deepEqual(await sortedIds([1, null, []], 1), [2, 1, 0]);
  });

  it('orders strings by code point, uppercase first, when no collation is given', async () => {
    assert.deepEqual(await sortedIds(['b', 'B', 'a', 'A', 'aa'], 1), [3, 1, 2, 4, 0]);
  });

  it('orders dates before 1970 first when sorting dates', async () => {
    const values = [new Date('2001-01-01T00:00:00Z'), new Date('1969-07-20T20:17:00Z'), new Date('1970-01-01T00:00:00Z')];
    assert.deepEqual(await sortedIds(values, 1), [1, 2, 0]);
  });

  it('compares embedded documents field by field when sorting objects', async () => {
    const values = [{ a: 2 }, { a: 1, b: 1 }, { a: 1 }, { b: 0 }];
    assert.deepEqual(await sortedIds(values, 1), [2, 1, 0, 3]);
  });

  it('orders ObjectIds by their bytes when sorting', async () => {
    const values = [new ObjectId('000000000000000000000002'), new ObjectId('000000000000000000000001'), new ObjectId('ff0000000000000000000000')];
    assert.deepEqual(await sortedIds(values, 1), [1, 0, 2]);
  });

  it('orders false before true when sorting booleans', async () => {
    assert.deepEqual(await sortedIds([true, false], 1), [1, 0]);
  });

  it('matches a date range when the filter compares dates', async () => {
    const coll = await collectionOf([new Date('2020-01-01T00:00:00Z'), new Date('2021-06-01T00:00:00Z'), '2021-06-01']);
    assert.deepEqual(await idsMatching(coll, { v: { $gte: new Date('2021-01-01T00:00:00Z') } }), [1]);
  });

  it('treats NaN as equal to NaN and lower than every number when comparing doubles', async () => {
    const coll = await collectionOf([NaN, -Infinity, 0]);
    assert.deepEqual(await idsMatching(coll, { v: NaN }), [0]);
    assert.deepEqual(await sortedIds([NaN, -Infinity, 0], 1), [0, 1, 2]);
  });
});
