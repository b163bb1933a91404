import assert from 'node:assert/strict';
import { ObjectId } from 'mongodb';
import type { Document } from 'mongodb';
import { rejectsWithCode, useConformanceDb } from './support/conformanceDb.js';

describe('conformance: upserts and replacement documents', () => {
  const ctx = useConformanceDb('conf_upsert');

  /** Upserts into an empty collection and returns the single stored document without its generated _id. */
  async function upsertIntoEmpty(filter: Document, update: Document) {
    const coll = ctx.fresh();
    const result = await coll.updateOne(filter, update, { upsert: true });
    const docs = await coll.find().toArray();
    assert.equal(docs.length, 1);
    return { result, doc: docs[0] as Document };
  }

  it('inserts and reports upsertedId when an upsert matches nothing', async () => {
    const { result, doc } = await upsertIntoEmpty({ name: 'a' }, { $set: { n: 1 } });
    assert.equal(result.matchedCount, 0);
    assert.equal(result.modifiedCount, 0);
    assert.equal(result.upsertedCount, 1);
    assert.ok(result.upsertedId instanceof ObjectId);
    assert.deepEqual(doc._id, result.upsertedId);
  });

  it('copies equality fields but not range conditions when an upsert inserts', async () => {
    const { doc } = await upsertIntoEmpty({ name: 'a', age: { $gt: 5 } }, { $set: { n: 1 } });
    const { _id, ...fields } = doc;
    assert.deepEqual(fields, { name: 'a', n: 1 });
  });

  it('copies equality fields when the upsert filter uses $and branches and $eq', async () => {
    const { doc } = await upsertIntoEmpty({ $and: [{ a: 1 }, { b: { $eq: 2 } }] }, { $inc: { n: 1 } });
    const { _id, ...fields } = doc;
    assert.deepEqual(fields, { a: 1, b: 2, n: 1 });
  });

  it('builds embedded documents when an equality field is a dotted path', async () => {
    const { doc } = await upsertIntoEmpty({ 'profile.city': 'Austin' }, { $set: { n: 1 } });
    assert.deepEqual(doc.profile, { city: 'Austin' });
  });

  it('uses the filter’s _id when the upsert filter names one', async () => {
    const { result, doc } = await upsertIntoEmpty({ _id: 'fixed' }, { $set: { n: 1 } });
    assert.equal(result.upsertedId, 'fixed');
    assert.deepEqual(doc, { _id: 'fixed', n: 1 });
  });

  it('lets the update override an equality field when both set it', async () => {
    const { doc } = await upsertIntoEmpty({ status: 'draft' }, { $set: { status: 'live' } });
    assert.equal(doc.status, 'live');
  });

  it('applies $setOnInsert when the upsert inserts', async () => {
    const { doc } = await upsertIntoEmpty({ k: 1 }, { $set: { n: 1 }, $setOnInsert: { createdBy: 'upsert' } });
    const { _id, ...fields } = doc;
    assert.deepEqual(fields, { k: 1, n: 1, createdBy: 'upsert' });
  });

  it('applies $inc and $push to the new document when the upsert inserts', async () => {
    const { doc } = await upsertIntoEmpty({ k: 1 }, { $inc: { hits: 1 }, $push: { log: 'first' } });
    assert.deepEqual([doc.hits, doc.log], [1, ['first']]);
  });

  it('updates instead of inserting when an upsert matches a document', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, k: 1, n: 0 });
    const result = await coll.updateOne({ k: 1 }, { $set: { n: 5 } }, { upsert: true });
    assert.equal(result.matchedCount, 1);
    assert.equal(result.upsertedCount, 0);
    assert.equal(result.upsertedId, null);
    assert.deepEqual(await coll.find().toArray(), [{ _id: 1, k: 1, n: 5 }]);
  });

  it('inserts a single document when updateMany upserts', async () => {
    const coll = ctx.fresh();
    const result = await coll.updateMany({ k: 2 }, { $set: { n: 1 } }, { upsert: true });
    assert.equal(result.upsertedCount, 1);
    assert.equal(await coll.countDocuments(), 1);
  });

  it('takes only the filter’s _id, not its other fields, when a replacement upserts', async () => {
    const coll = ctx.fresh();
    await coll.replaceOne({ _id: 3, name: 'old' }, { title: 'new' }, { upsert: true });
    assert.deepEqual(await coll.find().toArray(), [{ _id: 3, title: 'new' }]);
  });

  it('generates an _id when a replacement upserts with a filter without one', async () => {
    const coll = ctx.fresh();
    const result = await coll.replaceOne({ name: 'x' }, { name: 'y', v: 1 }, { upsert: true });
    const docs = await coll.find().toArray();
    assert.equal(docs.length, 1);
    assert.deepEqual(docs[0]?._id, result.upsertedId);
    assert.deepEqual([docs[0]?.name, docs[0]?.v], ['y', 1]);
  });

  it('fails with ImmutableField when a replacement carries a different _id', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, a: 1 });
    await rejectsWithCode(coll.replaceOne({ _id: 1 }, { _id: 2, a: 2 }), 66);
    assert.deepEqual(await coll.find().toArray(), [{ _id: 1, a: 1 }]);
  });

  it('accepts a replacement when its _id equals the stored one', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, a: 1 });
    const result = await coll.replaceOne({ _id: 1 }, { _id: 1, b: 2 });
    assert.equal(result.modifiedCount, 1);
    assert.deepEqual(await coll.find().toArray(), [{ _id: 1, b: 2 }]);
  });

  it('puts _id first when the replacement document omits it', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, a: 1 });
    await coll.replaceOne({ _id: 1 }, { z: 1, y: 2 });
    assert.deepEqual(Object.keys((await coll.findOne({ _id: 1 })) ?? {}), ['_id', 'z', 'y']);
  });
});
