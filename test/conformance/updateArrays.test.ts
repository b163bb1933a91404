import assert from 'node:assert/strict';
import type { Document } from 'mongodb';
import { rejectsWithCode, useConformanceDb } from './support/conformanceDb.js';

describe('conformance: array update operators', () => {
  const ctx = useConformanceDb('conf_update_arrays');

  /** Inserts `doc` as _id 1, runs `update` (with `options`) against `filter` and returns the stored fields. */
  async function applyUpdate(doc: Document, update: Document, options: Document = {}, filter: Document = { _id: 1 }) {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, ...doc });
    const result = await coll.updateOne(filter, update, options);
    const { _id, ...stored } = (await coll.findOne({ _id: 1 })) ?? ({} as Document);
    return { stored, modified: result.modifiedCount };
  }

  it('appends one value when $push gets a plain value', async () => {
    const { stored } = await applyUpdate({ a: [1, 2] }, { $push: { a: [3] } });
    assert.deepEqual(stored, { a: [1, 2, [3]] });
  });

  it('creates the array when $push targets a missing field', async () => {
    const { stored } = await applyUpdate({}, { $push: { a: 'x' } });
    assert.deepEqual(stored, { a: ['x'] });
  });

  it('fails naming the field when $push targets a non-array', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, a: 5 });
    const error = await rejectsWithCode(coll.updateOne({ _id: 1 }, { $push: { a: 1 } } as Document), 2);
    assert.match(String(error.message), /must be an array/);
  });

  it('appends every value when $push uses $each', async () => {
    const { stored } = await applyUpdate({ a: [1] }, { $push: { a: { $each: [2, 3] } } });
    assert.deepEqual(stored, { a: [1, 2, 3] });
  });

  it('inserts at the front when $push uses $position 0', async () => {
    const { stored } = await applyUpdate({ a: [3, 4] }, { $push: { a: { $each: [1, 2], $position: 0 } } });
    assert.deepEqual(stored, { a: [1, 2, 3, 4] });
  });

  it('counts from the end when $push uses a negative $position', async () => {
    const { stored } = await applyUpdate({ a: [1, 2, 4] }, { $push: { a: { $each: [3], $position: -1 } } });
    assert.deepEqual(stored, { a: [1, 2, 3, 4] });
  });

  it('keeps the last elements when $push uses a negative $slice', async () => {
    const { stored } = await applyUpdate({ a: [1, 2, 3] }, { $push: { a: { $each: [4, 5], $slice: -3 } } });
    assert.deepEqual(stored, { a: [3, 4, 5] });
  });

  it('keeps the first elements when $push uses a positive $slice', async () => {
    const { stored } = await applyUpdate({ a: [1, 2, 3] }, { $push: { a: { $each: [4], $slice: 2 } } });
    assert.deepEqual(stored, { a: [1, 2] });
  });

  it('keeps the top entries when $push sorts embedded documents then slices', async () => {
    const scores = [{ who: 'a', score: 5 }, { who: 'b', score: 9 }];
    const update = { $push: { scores: { $each: [{ who: 'c', score: 7 }], $sort: { score: -1 }, $slice: 2 } } };
    const { stored } = await applyUpdate({ scores }, update);
    assert.deepEqual(stored, { scores: [{ who: 'b', score: 9 }, { who: 'c', score: 7 }] });
  });

  it('sorts the existing elements when $push has an empty $each and a $sort', async () => {
    const { stored } = await applyUpdate({ a: [3, 1, 2] }, { $push: { a: { $each: [], $sort: 1 } } });
    assert.deepEqual(stored, { a: [1, 2, 3] });
  });

  it('adds the value when $addToSet finds it absent', async () => {
    const { stored, modified } = await applyUpdate({ a: ['x'] }, { $addToSet: { a: 'y' } });
    assert.deepEqual([stored, modified], [{ a: ['x', 'y'] }, 1]);
  });

  it('reports no modification when $addToSet finds the value present', async () => {
    const { stored, modified } = await applyUpdate({ a: ['x', 'y'] }, { $addToSet: { a: 'x' } });
    assert.deepEqual([stored, modified], [{ a: ['x', 'y'] }, 0]);
  });

  it('adds only missing values once each when $addToSet uses $each', async () => {
    const { stored } = await applyUpdate({ a: [1, 2, 3] }, { $addToSet: { a: { $each: [3, 4, 4, 5] } } });
    assert.deepEqual(stored, { a: [1, 2, 3, 4, 5] });
  });

  it('treats documents with different field order as different when $addToSet compares them', async () => {
    const { stored } = await applyUpdate({ a: [{ x: 1, y: 2 }] }, { $addToSet: { a: { y: 2, x: 1 } } });
    assert.deepEqual(stored, { a: [{ x: 1, y: 2 }, { y: 2, x: 1 }] });
  });

  it('removes every equal element when $pull gets a value', async () => {
    const { stored } = await applyUpdate({ a: [1, 2, 1, 3] }, { $pull: { a: 1 } });
    assert.deepEqual(stored, { a: [2, 3] });
  });

  it('removes the elements that meet the condition when $pull gets a query operator', async () => {
    const { stored } = await applyUpdate({ a: [3, 6, 9, 1] }, { $pull: { a: { $gte: 6 } } });
    assert.deepEqual(stored, { a: [3, 1] });
  });

  it('matches embedded documents as queries when $pull gets a document condition', async () => {
    const items = [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 5 }, { sku: 'c', qty: 0 }];
    const { stored } = await applyUpdate({ items }, { $pull: { items: { qty: { $lt: 2 } } } });
    assert.deepEqual(stored, { items: [{ sku: 'b', qty: 5 }] });
  });

  it('removes all listed values when $pullAll runs', async () => {
    const { stored } = await applyUpdate({ a: [0, 2, 5, 5, 1, 0] }, { $pullAll: { a: [0, 5] } });
    assert.deepEqual(stored, { a: [2, 1] });
  });

  it('removes the last element when $pop is 1 and the first when it is -1', async () => {
    const last = await applyUpdate({ a: [1, 2, 3] }, { $pop: { a: 1 } });
    const first = await applyUpdate({ a: [1, 2, 3] }, { $pop: { a: -1 } });
    assert.deepEqual([last.stored, first.stored], [{ a: [1, 2] }, { a: [2, 3] }]);
  });

  it('updates the first matched element when the positional $ follows an array query', async () => {
    const { stored } = await applyUpdate({ grades: [80, 85, 80] }, { $set: { 'grades.$': 82 } }, {}, { _id: 1, grades: 80 });
    assert.deepEqual(stored, { grades: [82, 85, 80] });
  });

  it('updates a field of the matched element when the positional $ targets embedded documents', async () => {
    const items = [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 1 }];
    const { stored } = await applyUpdate({ items }, { $inc: { 'items.$.qty': 4 } }, {}, { 'items.sku': 'b' });
    assert.deepEqual(stored, { items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 5 }] });
  });

  it('uses the element $elemMatch picked when the positional $ follows $elemMatch', async () => {
    const items = [{ sku: 'a', qty: 1 }, { sku: 'a', qty: 9 }];
    const filter = { items: { $elemMatch: { sku: 'a', qty: { $gt: 5 } } } };
    const { stored } = await applyUpdate({ items }, { $set: { 'items.$.hit': true } }, {}, filter);
    assert.deepEqual(stored, { items: [{ sku: 'a', qty: 1 }, { sku: 'a', qty: 9, hit: true }] });
  });

  it('fails when the positional $ is used without an array in the query', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, a: [1, 2] });
    const error = await rejectsWithCode(coll.updateOne({ _id: 1 }, { $set: { 'a.$': 5 } }), 2);
    assert.match(String(error.message), /positional operator/);
  });

  it('updates every element when $[] is used', async () => {
    const { stored } = await applyUpdate({ a: [1, 2, 3] }, { $inc: { 'a.$[]': 10 } });
    assert.deepEqual(stored, { a: [11, 12, 13] });
  });

  it('updates a field in every embedded document when $[] precedes a field name', async () => {
    const { stored } = await applyUpdate({ a: [{ n: 1 }, { n: 2 }] }, { $set: { 'a.$[].seen': true } });
    assert.deepEqual(stored, { a: [{ n: 1, seen: true }, { n: 2, seen: true }] });
  });

  it('updates only the elements the filter selects when $[id] has arrayFilters', async () => {
    const update = { $set: { 'a.$[big]': 100 } };
    const { stored } = await applyUpdate({ a: [5, 150, 20, 300] }, update, { arrayFilters: [{ big: { $gte: 100 } }] });
    assert.deepEqual(stored, { a: [5, 100, 20, 100] });
  });

  it('filters embedded documents by field when arrayFilters use a dotted identifier', async () => {
    const grades = [{ grade: 80, mean: 75 }, { grade: 90, mean: 80 }, { grade: 95, mean: 85 }];
    const options = { arrayFilters: [{ 'g.grade': { $gte: 90 } }] };
    const { stored } = await applyUpdate({ grades }, { $set: { 'grades.$[g].mean': 100 } }, options);
    assert.deepEqual(stored, { grades: [{ grade: 80, mean: 75 }, { grade: 90, mean: 100 }, { grade: 95, mean: 100 }] });
  });

  it('reaches nested arrays when two identifiers are combined', async () => {
    const rows = [{ k: 'a', cells: [1, 2, 3] }, { k: 'b', cells: [1, 2, 3] }];
    const options = { arrayFilters: [{ 'r.k': 'b' }, { c: { $gte: 2 } }] };
    const { stored } = await applyUpdate({ rows }, { $set: { 'rows.$[r].cells.$[c]': 0 } }, options);
    assert.deepEqual(stored, { rows: [{ k: 'a', cells: [1, 2, 3] }, { k: 'b', cells: [1, 0, 0] }] });
  });

  it('fails naming the identifier when an array filter is not used by the update', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, a: [1] });
    const update = coll.updateOne({ _id: 1 }, { $set: { 'a.$[x]': 2 } }, { arrayFilters: [{ x: 1 }, { unused: 1 }] });
    const error = await rejectsWithCode(update, 9);
    assert.match(String(error.message), /unused/);
  });

  it('fails when the update names an identifier with no array filter', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, a: [1] });
    const error = await rejectsWithCode(coll.updateOne({ _id: 1 }, { $set: { 'a.$[missing]': 2 } }), 2);
    assert.match(String(error.message), /missing/);
  });
});
