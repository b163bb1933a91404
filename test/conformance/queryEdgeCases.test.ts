import assert from 'node:assert/strict';
import { Binary, BSONRegExp, Decimal128, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp } from 'mongodb';
import { idsMatching, useConformanceDb } from './support/conformanceDb.js';

/** One value per BSON type with its $type alias and number. */
const typed: Array<[string, number, unknown]> = [
  ['double', 1, new Double(1.5)],
  ['string', 2, 'text'],
  ['object', 3, { a: 1 }],
  ['binData', 5, new Binary(Buffer.from([1]))],
  ['objectId', 7, new ObjectId()],
  ['bool', 8, false],
  ['date', 9, new Date(0)],
  ['null', 10, null],
  ['regex', 11, new BSONRegExp('a', 'i')],
  ['int', 16, new Int32(7)],
  ['timestamp', 17, new Timestamp({ t: 1, i: 1 })],
  ['long', 18, Long.fromNumber(7)],
  ['decimal', 19, Decimal128.fromString('7.5')],
  ['minKey', -1, new MinKey()],
  ['maxKey', 127, new MaxKey()],
];

describe('conformance: query edge cases', () => {
  const ctx = useConformanceDb('conf_query_edges');

  it('matches each BSON type by alias and by number when $type is used', async () => {
    const coll = ctx.fresh();
    await coll.insertMany(typed.map(([alias, , v]) => ({ _id: alias, v })));
    for (const [alias, number] of typed) {
      assert.deepEqual(await idsMatching(coll, { v: { $type: alias } }), [alias], `$type '${alias}'`);
      assert.deepEqual(await idsMatching(coll, { v: { $type: number } }), [alias], `$type ${number}`);
    }
  });

  it('keeps Decimal128 0.1 and double 0.1 apart when comparing exactly', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ _id: 'decimal', v: Decimal128.fromString('0.1') }, { _id: 'double', v: 0.1 }]);
    assert.deepEqual(await idsMatching(coll, { v: 0.1 }), ['double']);
    assert.deepEqual(await idsMatching(coll, { v: Decimal128.fromString('0.1') }), ['decimal']);
    assert.deepEqual(await idsMatching(coll, { v: { $gt: Decimal128.fromString('0.1') } }), ['double']);
  });

  it('orders strings by UTF-8 bytes when characters lie beyond the Basic Multilingual Plane', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ _id: 'emoji', v: '\u{1F600}' }, { _id: 'fullwidth', v: '\uFF5E' }, { _id: 'ascii', v: 'z' }]);
    const docs = await coll.find().sort({ v: 1 }).toArray();
    assert.deepEqual(docs.map((doc) => doc._id), ['ascii', 'fullwidth', 'emoji']);
    assert.deepEqual(await idsMatching(coll, { v: { $gt: '\uFF5E' } }), ['emoji']);
  });

  it('matches an embedded _id only with the same field order', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: { a: 1, b: 2 } });
    assert.equal(await coll.countDocuments({ _id: { a: 1, b: 2 } }), 1);
    assert.equal(await coll.countDocuments({ _id: { b: 2, a: 1 } }), 0);
  });

  it('excludes documents containing any listed element when $nin meets an array', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ _id: 1, tags: ['red', 'blue'] }, { _id: 2, tags: ['blue'] }, { _id: 3 }]);
    assert.deepEqual(await idsMatching(coll, { tags: { $nin: ['red'] } }), [2, 3]);
  });

  it('checks the position when $exists targets an array index', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ _id: 1, a: [1] }, { _id: 2, a: [1, 2] }]);
    assert.deepEqual(await idsMatching(coll, { 'a.1': { $exists: true } }), [2]);
  });

  it('matches nothing when $size meets a non-array', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ _id: 1, a: 'ab' }, { _id: 2, a: ['a', 'b'] }]);
    assert.deepEqual(await idsMatching(coll, { a: { $size: 2 } }), [2]);
  });

  it('requires an element for each clause when $all lists $elemMatch clauses', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([
      { _id: 1, q: [{ n: 1, ok: true }, { n: 2, ok: false }] },
      { _id: 2, q: [{ n: 1, ok: true }] },
    ]);
    const filter = { q: { $all: [{ $elemMatch: { n: 1, ok: true } }, { $elemMatch: { n: 2 } }] } };
    assert.deepEqual(await idsMatching(coll, filter), [1]);
  });

  it('matches documents with no qualifying element when $not wraps $elemMatch', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ _id: 1, s: [1, 9] }, { _id: 2, s: [1, 2] }, { _id: 3 }]);
    assert.deepEqual(await idsMatching(coll, { s: { $not: { $elemMatch: { $gt: 5 } } } }), [2, 3]);
  });

  it('tests each element when $regex meets an array of strings', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ _id: 1, tags: ['alpha', 'beta'] }, { _id: 2, tags: ['gamma'] }]);
    assert.deepEqual(await idsMatching(coll, { tags: /^be/ }), [1]);
  });

  it('matches the literal characters when a regex escapes metacharacters', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ _id: 1, s: 'a.b (c)' }, { _id: 2, s: 'axb c' }]);
    assert.deepEqual(await idsMatching(coll, { s: { $regex: 'a\\.b \\(c\\)' } }), [1]);
  });

  it('compares arrays element by element when the filter value is an array and the operator is $gt', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ _id: 1, a: [1, 2] }, { _id: 2, a: [1, 3] }, { _id: 3, a: [2] }]);
    assert.deepEqual(await idsMatching(coll, { a: { $gt: [1, 2] } }), [2, 3]);
  });
});
