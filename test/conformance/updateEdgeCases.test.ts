import assert from 'node:assert/strict';
import { Double, Long } from 'mongodb';
import type { Document } from 'mongodb';
import { useConformanceDb } from './support/conformanceDb.js';

describe('conformance: update edge cases', () => {
  const ctx = useConformanceDb('conf_update_edges');

  async function applyUpdate(doc: Document, update: Document, options: Document = {}) {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, ...doc });
    const result = await coll.updateOne({ _id: 1 }, update, options);
    const { _id, ...stored } = (await coll.findOne({ _id: 1 })) ?? ({} as Document);
    return { stored, modified: result.modifiedCount, coll };
  }

  it('sets the element to null instead of removing it when $unset targets an array index', async () => {
    const { stored } = await applyUpdate({ a: [1, 2, 3] }, { $unset: { 'a.1': '' } });
    assert.deepEqual(stored, { a: [1, null, 3] });
  });

  it('reports no modification when $pop meets an empty array', async () => {
    const { stored, modified } = await applyUpdate({ a: [] }, { $pop: { a: 1 } });
    assert.deepEqual([stored, modified], [{ a: [] }, 0]);
  });

  it('empties the array when $push uses $slice 0', async () => {
    const { stored } = await applyUpdate({ a: [1, 2] }, { $push: { a: { $each: [3], $slice: 0 } } });
    assert.deepEqual(stored, { a: [] });
  });

  it('treats numerically equal values as present when $addToSet compares across numeric types', async () => {
    const { stored, modified } = await applyUpdate({ a: [1, 2] }, { $addToSet: { a: new Double(1) } });
    assert.deepEqual([stored, modified], [{ a: [1, 2] }, 0]);
  });

  it('compares by BSON type order when $max meets a string and a number', async () => {
    const { stored } = await applyUpdate({ n: 5 }, { $max: { n: 'a' } });
    assert.deepEqual(stored, { n: 'a' });
  });

  it('lowers to null when $min is given null for a number', async () => {
    const { stored } = await applyUpdate({ n: 5 }, { $min: { n: null } });
    assert.deepEqual(stored, { n: null });
  });

  it('produces a Long when $inc adds a Long to an Int32', async function () {
    const { coll } = await applyUpdate({ n: 1 }, { $inc: { n: Long.fromNumber(2) } });
    assert.equal(await coll.countDocuments({ n: 3, $expr: { $eq: [{ $type: '$n' }, 'long'] } }), 1);
  });

  it('produces a Double when $inc adds a fraction to an Int32', async () => {
    const { coll } = await applyUpdate({ n: 1 }, { $inc: { n: 0.5 } });
    assert.equal(await coll.countDocuments({ n: 1.5, $expr: { $eq: [{ $type: '$n' }, 'double'] } }), 1);
  });

  it('pulls from every nested array when $pull follows $[]', async () => {
    const rows = [{ cells: [1, 2, 1] }, { cells: [1, 3] }];
    const { stored } = await applyUpdate({ rows }, { $pull: { 'rows.$[].cells': 1 } });
    assert.deepEqual(stored, { rows: [{ cells: [2] }, { cells: [3] }] });
  });

  it('removes elements matching a nested condition when $pull uses $elemMatch', async () => {
    const results = [
      { item: 'A', answers: [{ q: 1, score: 10 }, { q: 2, score: 8 }] },
      { item: 'B', answers: [{ q: 1, score: 0 }, { q: 2, score: 1 }] },
    ];
    const { stored } = await applyUpdate({ results }, { $pull: { results: { answers: { $elemMatch: { q: 2, score: { $gte: 8 } } } } } });
    assert.deepEqual(stored, { results: [results[1]] });
  });

  it('creates the array when $addToSet upserts a new document', async () => {
    const coll = ctx.fresh();
    await coll.updateOne({ _id: 'new' }, { $addToSet: { tags: { $each: ['a', 'a', 'b'] } } }, { upsert: true });
    assert.deepEqual(await coll.findOne({ _id: 'new' }), { _id: 'new', tags: ['a', 'b'] });
  });

  it('updates the matched element of an array when updateMany uses the positional $ on several documents', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([
      { _id: 1, items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 1 }] },
      { _id: 2, items: [{ sku: 'b', qty: 5 }] },
    ]);
    const result = await coll.updateMany({ 'items.sku': 'b' }, { $inc: { 'items.$.qty': 10 } });
    assert.equal(result.modifiedCount, 2);
    const docs = await coll.find().sort({ _id: 1 }).toArray();
    assert.deepEqual(docs.map((doc) => doc.items.map((item: { qty: number }) => item.qty)), [[1, 11], [15]]);
  });
});
