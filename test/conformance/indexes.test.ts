import assert from 'node:assert/strict';
import { Double, Long } from 'mongodb';
import { rejectsWithCode, useConformanceDb } from './support/conformanceDb.js';

describe('conformance: indexes', () => {
  const ctx = useConformanceDb('conf_indexes');

  it('returns the generated name when createIndex builds single and compound indexes', async () => {
    const coll = ctx.fresh();
    assert.equal(await coll.createIndex({ email: 1 }), 'email_1');
    assert.equal(await coll.createIndex({ a: 1, b: -1 }), 'a_1_b_-1');
    assert.equal(await coll.createIndex({ c: 1 }, { name: 'by_c' }), 'by_c');
  });

  it('lists the _id index and each index’s options when listIndexes runs', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.createIndex({ nick: 1 }, { unique: true, sparse: true });
    await coll.createIndex({ code: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await coll.createIndex({ at: 1 }, { expireAfterSeconds: 3600 });
    const byName = new Map((await coll.listIndexes().toArray()).map((index) => [index.name, index]));
    assert.deepEqual([...byName.keys()].sort(), ['_id_', 'at_1', 'code_1', 'email_1', 'nick_1']);
    assert.deepEqual(byName.get('_id_')?.key, { _id: 1 });
    assert.equal(byName.get('_id_')?.v, 2);
    assert.deepEqual([byName.get('email_1')?.key, byName.get('email_1')?.unique], [{ email: 1 }, true]);
    assert.deepEqual([byName.get('nick_1')?.unique, byName.get('nick_1')?.sparse], [true, true]);
    assert.deepEqual(byName.get('code_1')?.partialFilterExpression, { active: true });
    assert.equal(byName.get('at_1')?.expireAfterSeconds, 3600);
    assert.equal(byName.get('at_1')?.unique, undefined);
  });

  it('removes the index when dropIndex names it', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ a: 1 });
    await coll.dropIndex('a_1');
    const names = (await coll.listIndexes().toArray()).map((index) => index.name);
    assert.deepEqual(names, ['_id_']);
  });

  it('fails with IndexNotFound when dropIndex names a missing index', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ a: 1 });
    await rejectsWithCode(coll.dropIndex('nope_1'), 27);
  });

  it('drops everything but _id when dropIndexes runs', async () => {
    const coll = ctx.fresh();
    await coll.createIndexes([{ key: { a: 1 } }, { key: { b: 1 } }]);
    await coll.dropIndexes();
    assert.deepEqual((await coll.listIndexes().toArray()).map((index) => index.name), ['_id_']);
  });

  it('succeeds quietly when createIndex repeats an identical specification', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ a: 1 }, { unique: true });
    assert.equal(await coll.createIndex({ a: 1 }, { unique: true }), 'a_1');
    assert.equal((await coll.listIndexes().toArray()).length, 2);
  });

  it('fails with IndexKeySpecsConflict when createIndex reuses a name with different options', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ a: 1 });
    await rejectsWithCode(coll.createIndex({ a: 1 }, { unique: true }), 86);
  });

  it('rejects a duplicate with E11000, keyPattern and keyValue when a unique index exists', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertOne({ email: 'a@x.org' });
    const error = await rejectsWithCode(coll.insertOne({ email: 'a@x.org' }), 11000);
    assert.match(String(error.errmsg), /E11000 duplicate key error .*index: email_1 dup key/);
    assert.deepEqual(error.keyPattern, { email: 1 });
    assert.deepEqual(error.keyValue, { email: 'a@x.org' });
  });

  it('rejects an update that creates a duplicate when a unique index exists', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertMany([{ _id: 1, email: 'a' }, { _id: 2, email: 'b' }]);
    await rejectsWithCode(coll.updateOne({ _id: 2 }, { $set: { email: 'a' } }), 11000);
    assert.deepEqual(await coll.findOne({ _id: 2 }), { _id: 2, email: 'b' });
  });

  it('fails to build with E11000 when existing documents already collide', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ k: 1 }, { k: 1 }]);
    await rejectsWithCode(coll.createIndex({ k: 1 }, { unique: true }), 11000);
    assert.deepEqual((await coll.listIndexes().toArray()).map((index) => index.name), ['_id_']);
  });

  it('allows a repeated part but not a repeated combination when a compound unique index exists', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ team: 1, user: 1 }, { unique: true });
    await coll.insertMany([{ team: 't', user: 'a' }, { team: 't', user: 'b' }, { team: 'u', user: 'a' }]);
    const error = await rejectsWithCode(coll.insertOne({ team: 't', user: 'a' }), 11000);
    assert.deepEqual(error.keyValue, { team: 't', user: 'a' });
  });

  it('treats missing fields as null duplicates when a unique index is not sparse', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ nick: 1 }, { unique: true });
    await coll.insertOne({ name: 'first' });
    await rejectsWithCode(coll.insertOne({ name: 'second' }), 11000);
  });

  it('allows many documents without the field when a unique index is sparse', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ nick: 1 }, { unique: true, sparse: true });
    await coll.insertMany([{ name: 'a' }, { name: 'b' }, { nick: 'x' }]);
    await rejectsWithCode(coll.insertOne({ nick: 'x' }), 11000);
    assert.equal(await coll.countDocuments(), 3);
  });

  it('enforces uniqueness only among documents the filter selects when a unique index is partial', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ slug: 1 }, { unique: true, partialFilterExpression: { status: 'live' } });
    await coll.insertMany([{ slug: 's', status: 'draft' }, { slug: 's', status: 'draft' }, { slug: 's', status: 'live' }]);
    await rejectsWithCode(coll.insertOne({ slug: 's', status: 'live' }), 11000);
    await rejectsWithCode(coll.updateOne({ status: 'draft' }, { $set: { status: 'live' } }), 11000);
    assert.equal(await coll.countDocuments({ status: 'live' }), 1);
  });

  it('treats numerically equal values of different types as duplicates when a unique index exists', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ n: 1 }, { unique: true });
    await coll.insertOne({ n: 1 });
    await rejectsWithCode(coll.insertOne({ n: new Double(1) }), 11000);
    await rejectsWithCode(coll.insertOne({ n: Long.fromNumber(1) }), 11000);
  });

  it('indexes each element so duplicates across documents collide when a unique index covers an array', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ tags: 1 }, { unique: true });
    await coll.insertOne({ tags: ['a', 'b'] });
    await rejectsWithCode(coll.insertOne({ tags: ['c', 'b'] }), 11000);
    await coll.insertOne({ tags: ['c', 'c'] });
    assert.equal(await coll.countDocuments(), 2);
  });

  it('returns correct results through an index when queries use equality, $in and ranges', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ n: 1 });
    await coll.insertMany(Array.from({ length: 100 }, (_, i) => ({ _id: i, n: i % 10 })));
    assert.equal(await coll.countDocuments({ n: 3 }), 10);
    assert.equal(await coll.countDocuments({ n: { $in: [1, 2] } }), 20);
    assert.equal(await coll.countDocuments({ n: { $gte: 8 } }), 20);
    const sorted = await coll.find({ n: { $lt: 2 } }).sort({ n: -1, _id: 1 }).limit(3).toArray();
    assert.deepEqual(sorted.map((doc) => doc._id), [1, 11, 21]);
  });

  it('keeps enforcing uniqueness when a deleted document’s key is reused', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ k: 1 }, { unique: true });
    await coll.insertOne({ _id: 1, k: 'x' });
    await coll.deleteOne({ _id: 1 });
    await coll.insertOne({ _id: 2, k: 'x' });
    await rejectsWithCode(coll.insertOne({ _id: 3, k: 'x' }), 11000);
  });
});
