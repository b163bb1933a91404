import assert from 'node:assert/strict';
import { Decimal128, Long } from 'mongodb';
import type { Document } from 'mongodb';
import type { LooseCollection } from './support/conformanceDb.js';
import { idsMatching, useConformanceDb } from './support/conformanceDb.js';

/** Awkward values on purpose: mixed numeric types, arrays, null, missing, and values of other types. */
const fixtures: Document[] = [
  { _id: 0, v: 1 },
  { _id: 1, v: Long.fromNumber(2) },
  { _id: 2, v: 2.5 },
  { _id: 3, v: Decimal128.fromString('3') },
  { _id: 4, v: '1' },
  { _id: 5, v: null },
  { _id: 6 },
  { _id: 7, v: [1, 5] },
  { _id: 8, v: [] },
  { _id: 9, v: { a: 1 } },
  { _id: 10, v: new Date('2020-01-01T00:00:00Z') },
  { _id: 11, v: true },
];

const filterCases: Array<[string, Document, number[]]> = [
  ['matches numbers and array elements when equality is used', { v: 1 }, [0, 7]],
  ['matches a Long by numeric value when equality is used', { v: 2 }, [1]],
  ['matches across numeric types when $gt is used', { v: { $gt: 1 } }, [1, 2, 3, 7]],
  ['lets different array elements satisfy each bound when a closed range is used', { v: { $gte: 2, $lte: 3 } }, [1, 2, 3, 7]],
  ['matches array elements when $lt is used', { v: { $lt: 2 } }, [0, 7]],
  ['matches both types when $in mixes a number and a string', { v: { $in: [1, '1'] } }, [0, 4, 7]],
  ['matches null and missing when equality with null is used', { v: null }, [5, 6]],
  ['matches only missing fields when $exists is false', { v: { $exists: false } }, [6]],
  ['excludes documents with an equal element when $ne is used', { v: { $ne: 1 } }, [1, 2, 3, 4, 5, 6, 8, 9, 10, 11]],
  ['matches the empty array when equality with [] is used', { v: [] }, [8]],
  ['matches an embedded document when equality with a document is used', { v: { a: 1 } }, [9]],
  ['matches only dates when a date range is used', { v: { $gt: new Date(0) } }, [10]],
  ['matches only booleans when equality with true is used', { v: true }, [11]],
];

for (const indexed of [false, true]) {
  describe(`conformance: queries ${indexed ? 'through an index on v' : 'without an index'}`, () => {
    const ctx = useConformanceDb(indexed ? 'conf_indexed_queries' : 'conf_scanned_queries');
    let coll: LooseCollection;

    before(async () => {
      coll = ctx.fresh();
      if (indexed) await coll.createIndex({ v: 1 });
      await coll.insertMany(fixtures);
    });

    for (const [title, filter, expected] of filterCases) {
      it(title, async () => {
        assert.deepEqual(await idsMatching(coll, filter), expected);
      });
    }

    it('orders empty array, null and missing, numbers, string, object, bool, date when sorting ascending', async () => {
      const docs = await coll.find().sort({ v: 1, _id: 1 }).toArray();
      assert.deepEqual(docs.map((doc) => doc._id), [8, 5, 6, 0, 7, 1, 2, 3, 4, 9, 11, 10]);
    });

    it('orders arrays by their largest element when sorting descending', async () => {
      const docs = await coll.find().sort({ v: -1, _id: 1 }).toArray();
      assert.deepEqual(docs.map((doc) => doc._id), [10, 11, 9, 4, 7, 3, 2, 1, 0, 5, 6, 8]);
    });

    it('sorts an array by its smallest element even when the query matched another element', async () => {
      const docs = await coll.find({ v: { $gte: 2 } }).sort({ v: 1, _id: 1 }).limit(2).toArray();
      assert.deepEqual(docs.map((doc) => doc._id), [7, 1]);
    });
  });
}

const orders: Document[] = [
  { _id: 1, team: 'a', rank: 3, lines: [{ sku: 'x', qty: 1 }, { sku: 'y', qty: 4 }] },
  { _id: 2, team: 'a', rank: 1, lines: [{ sku: 'y', qty: 2 }] },
  { _id: 3, team: 'b', rank: 2, lines: [] },
  { _id: 4, team: 'a', rank: 2 },
  { _id: 5, team: 'b', rank: 5, lines: [{ sku: 'x', qty: 9 }] },
];

for (const indexed of [false, true]) {
  describe(`conformance: compound and dotted-path queries ${indexed ? 'through indexes' : 'without indexes'}`, () => {
    const ctx = useConformanceDb(indexed ? 'conf_indexed_compound' : 'conf_scanned_compound');
    let coll: LooseCollection;

    before(async () => {
      coll = ctx.fresh();
      if (indexed) await coll.createIndexes([{ key: { team: 1, rank: -1 } }, { key: { 'lines.sku': 1, 'lines.qty': 1 } }]);
      await coll.insertMany(orders);
    });

    it('filters on the prefix and a range when a compound condition is used', async () => {
      assert.deepEqual(await idsMatching(coll, { team: 'a', rank: { $gte: 2 } }), [1, 4]);
    });

    it('filters on the second field alone when the prefix is absent', async () => {
      assert.deepEqual(await idsMatching(coll, { rank: 2 }), [3, 4]);
    });

    it('orders by both keys when the sort follows the compound key', async () => {
      const docs = await coll.find({ team: { $in: ['a', 'b'] } }).sort({ team: 1, rank: -1 }).toArray();
      assert.deepEqual(docs.map((doc) => doc._id), [1, 4, 2, 5, 3]);
    });

    it('orders by both keys when the sort is the compound key reversed', async () => {
      const docs = await coll.find().sort({ team: -1, rank: 1 }).toArray();
      assert.deepEqual(docs.map((doc) => doc._id), [3, 5, 2, 4, 1]);
    });

    it('lets sku and qty come from different elements when dotted paths are queried separately', async () => {
      assert.deepEqual(await idsMatching(coll, { 'lines.sku': 'x', 'lines.qty': { $gte: 4 } }), [1, 5]);
    });

    it('requires one element to satisfy both when $elemMatch is used', async () => {
      assert.deepEqual(await idsMatching(coll, { lines: { $elemMatch: { sku: 'x', qty: { $gte: 4 } } } }), [5]);
    });

    it('matches a missing array but not an empty one when a dotted path equals null', async () => {
      assert.deepEqual(await idsMatching(coll, { 'lines.sku': null }), [4]);
    });
  });
}
