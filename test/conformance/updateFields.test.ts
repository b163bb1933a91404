import assert from 'node:assert/strict';
import { Double, Int32, Timestamp } from 'mongodb';
import type { Document } from 'mongodb';
import { rejectsWithCode, useConformanceDb } from './support/conformanceDb.js';

describe('conformance: field update operators', () => {
  const ctx = useConformanceDb('conf_update_fields');

  /** Inserts `doc` as _id 1 into a fresh collection, applies `update` and returns the stored result and counts. */
  async function applyUpdate(doc: Document, update: Document) {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, ...doc });
    const result = await coll.updateOne({ _id: 1 }, update);
    const { _id, ...stored } = (await coll.findOne({ _id: 1 })) ?? ({} as Document);
    return { stored, modified: result.modifiedCount, coll };
  }

  it('creates the embedded documents along the path when $set targets a dotted path', async () => {
    const { stored } = await applyUpdate({}, { $set: { 'a.b.c': 1 } });
    assert.deepEqual(stored, { a: { b: { c: 1 } } });
  });

  it('changes one element when $set targets an array index path', async () => {
    const { stored } = await applyUpdate({ tags: ['x', 'y', 'z'] }, { $set: { 'tags.1': 'Y' } });
    assert.deepEqual(stored, { tags: ['x', 'Y', 'z'] });
  });

  it('pads with nulls when $set writes past the end of an array', async () => {
    const { stored } = await applyUpdate({ tags: ['x'] }, { $set: { 'tags.3': 'w' } });
    assert.deepEqual(stored, { tags: ['x', null, null, 'w'] });
  });

  it('appends new fields at the end when $set adds fields', async () => {
    const { stored } = await applyUpdate({ a: 1 }, { $set: { z: 1, b: 2 } });
    assert.deepEqual(Object.keys(stored), ['a', 'b', 'z']);
  });

  it('removes the field when $unset names it', async () => {
    const { stored, modified } = await applyUpdate({ a: 1, b: 2 }, { $unset: { a: '' } });
    assert.deepEqual(stored, { b: 2 });
    assert.equal(modified, 1);
  });

  it('reports no modification when $unset names a missing field', async () => {
    const { stored, modified } = await applyUpdate({ b: 2 }, { $unset: { a: 1 } });
    assert.deepEqual(stored, { b: 2 });
    assert.equal(modified, 0);
  });

  it('creates the field with the increment when $inc targets a missing field', async () => {
    const { stored } = await applyUpdate({}, { $inc: { n: 5 } });
    assert.deepEqual(stored, { n: 5 });
  });

  it('adds negative and fractional amounts when $inc runs on numbers', async () => {
    const { stored } = await applyUpdate({ a: 10, b: 1 }, { $inc: { a: -3, b: 0.5 } });
    assert.deepEqual(stored, { a: 7, b: 1.5 });
  });

  it('keeps an Int32 an Int32 when $inc adds an Int32', async () => {
    const { coll } = await applyUpdate({ n: new Int32(1) }, { $inc: { n: new Int32(2) } });
    assert.equal(await coll.countDocuments({ n: { $type: 'int' } }), 1);
    assert.equal(await coll.countDocuments({ n: 3 }), 1);
  });

  it('fails with TypeMismatch when $inc targets a string', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, n: 'one' });
    await rejectsWithCode(coll.updateOne({ _id: 1 }, { $inc: { n: 1 } }), 14);
    assert.deepEqual(await coll.findOne({ _id: 1 }), { _id: 1, n: 'one' });
  });

  it('multiplies the value when $mul runs on a number', async () => {
    const { stored } = await applyUpdate({ price: 2.5 }, { $mul: { price: 4 } });
    assert.deepEqual(stored, { price: 10 });
  });

  it('creates the field as zero when $mul targets a missing field', async () => {
    const { stored } = await applyUpdate({}, { $mul: { n: 7 } });
    assert.deepEqual(stored, { n: 0 });
  });

  it('lowers the value only when $min is given a smaller one', async () => {
    const lower = await applyUpdate({ n: 5 }, { $min: { n: 3 } });
    const higher = await applyUpdate({ n: 5 }, { $min: { n: 8 } });
    assert.deepEqual([lower.stored, lower.modified], [{ n: 3 }, 1]);
    assert.deepEqual([higher.stored, higher.modified], [{ n: 5 }, 0]);
  });

  it('raises the value only when $max is given a larger one', async () => {
    const higher = await applyUpdate({ n: 5 }, { $max: { n: 9 } });
    const lower = await applyUpdate({ n: 5 }, { $max: { n: 1 } });
    assert.deepEqual([higher.stored, higher.modified], [{ n: 9 }, 1]);
    assert.deepEqual([lower.stored, lower.modified], [{ n: 5 }, 0]);
  });

  it('compares dates when $max is given a later date', async () => {
    const early = new Date('2020-01-01T00:00:00Z');
    const late = new Date('2021-01-01T00:00:00Z');
    const { stored } = await applyUpdate({ seen: early }, { $max: { seen: late } });
    assert.deepEqual(stored, { seen: late });
  });

  it('sets the field when $min targets a missing field', async () => {
    const { stored } = await applyUpdate({}, { $min: { n: 4 } });
    assert.deepEqual(stored, { n: 4 });
  });

  it('moves the value under the new name when $rename runs', async () => {
    const { stored } = await applyUpdate({ a: 1, b: 2 }, { $rename: { a: 'c' } });
    assert.deepEqual(stored, { b: 2, c: 1 });
  });

  it('moves a value out of an embedded document when $rename uses dotted paths', async () => {
    const { stored } = await applyUpdate({ name: { first: 'Ada', last: 'L' } }, { $rename: { 'name.first': 'first' } });
    assert.deepEqual(stored, { name: { last: 'L' }, first: 'Ada' });
  });

  it('changes nothing when $rename names a missing field', async () => {
    const { stored, modified } = await applyUpdate({ b: 2 }, { $rename: { a: 'c' } });
    assert.deepEqual(stored, { b: 2 });
    assert.equal(modified, 0);
  });

  it('stores the server time as a Date when $currentDate is true', async () => {
    const before = Date.now();
    const { stored } = await applyUpdate({}, { $currentDate: { at: true } });
    assert.ok(stored.at instanceof Date);
    assert.ok(Math.abs(stored.at.getTime() - before) < 60_000);
  });

  it('stores a Timestamp when $currentDate asks for type timestamp', async () => {
    const { stored, coll } = await applyUpdate({}, { $currentDate: { ts: { $type: 'timestamp' }, d: { $type: 'date' } } });
    assert.ok(stored.ts instanceof Timestamp);
    assert.ok(stored.d instanceof Date);
    assert.equal(await coll.countDocuments({ ts: { $type: 'timestamp' } }), 1);
  });

  it('ignores $setOnInsert when the update matches an existing document', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, n: 1 });
    await coll.updateOne({ _id: 1 }, { $set: { n: 2 }, $setOnInsert: { created: true } }, { upsert: true });
    assert.deepEqual(await coll.findOne({ _id: 1 }), { _id: 1, n: 2 });
  });

  it('applies several operators in one update when they touch different fields', async () => {
    const { stored } = await applyUpdate({ a: 1, b: 2, c: 3 }, { $set: { a: 10 }, $inc: { b: 1 }, $unset: { c: '' } });
    assert.deepEqual(stored, { a: 10, b: 3 });
  });

  it('fails with ConflictingUpdateOperators when two operators touch the same path', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, a: 1 });
    const error = await rejectsWithCode(coll.updateOne({ _id: 1 }, { $set: { a: 2 }, $inc: { a: 1 } }), 40);
    assert.match(String(error.message), /conflict/i);
  });

  it('fails with ImmutableField when an update changes _id', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, a: 1 });
    await rejectsWithCode(coll.updateOne({ _id: 1 }, { $set: { _id: 2 } }), 66);
    assert.equal(await coll.countDocuments({ _id: 1 }), 1);
  });

  it('keeps a Double a Double when $set writes a whole-number Double', async function () {
    const { coll } = await applyUpdate({}, { $set: { d: new Double(2) } });
    assert.equal(await coll.countDocuments({ d: { $type: 'double' } }), 1);
  });

  it('leaves other documents untouched when updateOne matches several', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ _id: 1, g: 1 }, { _id: 2, g: 1 }]);
    await coll.updateOne({ g: 1 }, { $set: { hit: true } });
    assert.equal(await coll.countDocuments({ hit: true }), 1);
  });
});
