import assert from 'node:assert/strict';
import type { Document } from 'mongodb';
import type { LooseCollection } from './support/conformanceDb.js';
import { useConformanceDb } from './support/conformanceDb.js';

const sales = [
  { _id: 1, item: 'pen', region: 'north', qty: 2, price: 1.5, tags: ['office'] },
  { _id: 2, item: 'ink', region: 'north', qty: 5, price: 4, tags: ['office', 'refill'] },
  { _id: 3, item: 'pen', region: 'south', qty: 10, price: 1.5, tags: ['office'] },
  { _id: 4, item: 'pad', region: 'south', qty: 1, price: 3, tags: [] },
  { _id: 5, item: 'pen', region: 'east', qty: 4, price: 1, tags: ['sale'] },
  { _id: 6, item: 'ink', region: 'south', qty: 'n/a', price: 4 },
];

describe('conformance: aggregation grouping and paging stages', () => {
  const ctx = useConformanceDb('conf_agg_group');
  let coll: LooseCollection;

  before(async () => {
    coll = ctx.fresh();
    await coll.insertMany(sales);
  });

  const run = (pipeline: Document[]) => coll.aggregate(pipeline).toArray();

  it('keeps only matching documents when $match leads the pipeline', async () => {
    const docs = await run([{ $match: { region: 'north' } }, { $sort: { _id: 1 } }]);
    assert.deepEqual(docs.map((doc) => doc._id), [1, 2]);
  });

  it('counts and sums per key when $group uses $sum', async () => {
    const docs = await run([{ $group: { _id: '$item', count: { $sum: 1 }, qty: { $sum: '$qty' } } }, { $sort: { _id: 1 } }]);
    assert.deepEqual(docs, [
      { _id: 'ink', count: 2, qty: 5 },
      { _id: 'pad', count: 1, qty: 1 },
      { _id: 'pen', count: 3, qty: 16 },
    ]);
  });

  it('totals the whole collection when the group _id is null', async () => {
    const docs = await run([{ $group: { _id: null, revenue: { $sum: { $multiply: ['$price', 2] } } } }]);
    assert.deepEqual(docs, [{ _id: null, revenue: 30 }]);
  });

  it('averages only numeric values when $avg meets strings and missing fields', async () => {
    const docs = await run([{ $match: { item: 'ink' } }, { $group: { _id: '$item', avgQty: { $avg: '$qty' }, none: { $avg: '$missing' } } }]);
    assert.deepEqual(docs, [{ _id: 'ink', avgQty: 5, none: null }]);
  });

  it('finds extremes per group when $min and $max are used', async () => {
    const docs = await run([
      { $match: { item: 'pen' } },
      { $group: { _id: '$item', low: { $min: '$qty' }, high: { $max: '$qty' }, cheapest: { $min: '$price' } } },
    ]);
    assert.deepEqual(docs, [{ _id: 'pen', low: 2, high: 10, cheapest: 1 }]);
  });

  it('collects values in input order when $push follows a $sort', async () => {
    const docs = await run([{ $match: { item: 'pen' } }, { $sort: { qty: -1 } }, { $group: { _id: '$item', qtys: { $push: '$qty' } } }]);
    assert.deepEqual(docs, [{ _id: 'pen', qtys: [10, 4, 2] }]);
  });

  it('collects each distinct value once when $addToSet is used', async () => {
    const docs = await run([{ $group: { _id: '$item', regions: { $addToSet: '$region' } } }, { $match: { _id: 'pen' } }]);
    assert.deepEqual([...(docs[0]?.regions ?? [])].sort(), ['east', 'north', 'south']);
  });

  it('picks the first and last documents in sort order when $first and $last are used', async () => {
    const docs = await run([
      { $sort: { _id: 1 } },
      { $group: { _id: '$region', first: { $first: '$item' }, last: { $last: '$item' } } },
      { $sort: { _id: 1 } },
    ]);
    assert.deepEqual(docs, [
      { _id: 'east', first: 'pen', last: 'pen' },
      { _id: 'north', first: 'pen', last: 'ink' },
      { _id: 'south', first: 'pen', last: 'ink' },
    ]);
  });

  it('groups by several fields when the group _id is a document', async () => {
    const docs = await run([{ $group: { _id: { item: '$item', region: '$region' }, n: { $sum: 1 } } }, { $match: { '_id.item': 'ink' } }, { $sort: { '_id.region': 1 } }]);
    assert.deepEqual(docs, [
      { _id: { item: 'ink', region: 'north' }, n: 1 },
      { _id: { item: 'ink', region: 'south' }, n: 1 },
    ]);
  });

  it('orders by several keys when $sort has a compound specification', async () => {
    const docs = await run([{ $sort: { item: 1, _id: -1 } }, { $project: { _id: 1 } }]);
    assert.deepEqual(docs.map((doc) => doc._id), [6, 2, 4, 5, 3, 1]);
  });

  it('pages through results when $skip and $limit follow a $sort', async () => {
    const docs = await run([{ $sort: { _id: 1 } }, { $skip: 2 }, { $limit: 3 }]);
    assert.deepEqual(docs.map((doc) => doc._id), [3, 4, 5]);
  });

  it('outputs one document with the count when $count is used', async () => {
    assert.deepEqual(await run([{ $match: { item: 'pen' } }, { $count: 'pens' }]), [{ pens: 3 }]);
  });

  it('outputs nothing when $count follows a stage with no results', async () => {
    assert.deepEqual(await run([{ $match: { item: 'nothing' } }, { $count: 'n' }]), []);
  });

  it('counts per value in descending order when $sortByCount is used', async () => {
    assert.deepEqual(await run([{ $sortByCount: '$item' }]), [
      { _id: 'pen', count: 3 },
      { _id: 'ink', count: 2 },
      { _id: 'pad', count: 1 },
    ]);
  });

  it('runs each sub-pipeline over the same input when $facet is used', async () => {
    const docs = await run([
      { $match: { region: { $ne: 'east' } } },
      {
        $facet: {
          total: [{ $count: 'n' }],
          byRegion: [{ $group: { _id: '$region', n: { $sum: 1 } } }, { $sort: { _id: 1 } }],
          topQty: [{ $match: { qty: { $type: 'number' } } }, { $sort: { qty: -1 } }, { $limit: 1 }, { $project: { _id: 1 } }],
        },
      },
    ]);
    assert.deepEqual(docs, [
      {
        total: [{ n: 5 }],
        byRegion: [
          { _id: 'north', n: 2 },
          { _id: 'south', n: 3 },
        ],
        topQty: [{ _id: 3 }],
      },
    ]);
  });

  it('returns empty arrays for facets with no results when $facet input is empty', async () => {
    assert.deepEqual(await run([{ $match: { item: 'none' } }, { $facet: { a: [{ $count: 'n' }], b: [{ $limit: 1 }] } }]), [{ a: [], b: [] }]);
  });

  it('sums counts across array elements when $unwind precedes $group', async () => {
    const docs = await run([{ $unwind: '$tags' }, { $group: { _id: '$tags', n: { $sum: 1 } } }, { $sort: { n: -1, _id: 1 } }]);
    assert.deepEqual(docs, [
      { _id: 'office', n: 3 },
      { _id: 'refill', n: 1 },
      { _id: 'sale', n: 1 },
    ]);
  });

  it('filters groups after the fact when $match follows $group', async () => {
    const docs = await run([{ $group: { _id: '$region', n: { $sum: 1 } } }, { $match: { n: { $gte: 2 } } }, { $sort: { _id: 1 } }]);
    assert.deepEqual(docs.map((doc) => doc._id), ['north', 'south']);
  });

  it('filters with $expr when $match compares two fields', async () => {
    const docs = await run([{ $match: { $expr: { $gt: ['$price', '$qty'] } } }, { $sort: { _id: 1 } }]);
    assert.deepEqual(docs.map((doc) => doc._id), [4]);
  });
});
