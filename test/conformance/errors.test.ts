import assert from 'node:assert/strict';
import { Long } from 'mongodb';
import type { LooseCollection } from './support/conformanceDb.js';
import { rejectsWithCode, useConformanceDb } from './support/conformanceDb.js';

describe('conformance: error shapes', () => {
  const ctx = useConformanceDb('conf_errors');
  let coll: LooseCollection;

  before(async () => {
    coll = ctx.fresh();
    await coll.insertMany([{ _id: 1, a: 1, tags: ['x'] }, { _id: 2, a: 2 }]);
  });

  it('answers CommandNotFound naming the command when the command is unknown', async () => {
    const error = await rejectsWithCode(ctx.db.command({ frobnicateWidgets: 1 }), 59);
    assert.equal(error.codeName, 'CommandNotFound');
    assert.match(String(error.errmsg), /frobnicateWidgets/);
  });

  it('fails naming the operator when a query uses an unknown operator', async () => {
    const error = await rejectsWithCode(coll.find({ a: { $frob: 1 } }).toArray(), 2);
    assert.match(String(error.message), /\$frob/);
  });

  it('fails naming the operator when a top-level query operator is unknown', async () => {
    const error = await rejectsWithCode(coll.find({ $frob: [{ a: 1 }] }).toArray(), 2);
    assert.match(String(error.message), /\$frob/);
  });

  it('fails naming the modifier when an update uses an unknown operator', async () => {
    const error = await rejectsWithCode(coll.updateOne({ _id: 1 }, { $frob: { a: 1 } }), 9);
    assert.match(String(error.message), /\$frob/);
  });

  it('fails naming the stage when a pipeline uses an unknown stage', async () => {
    const error = await rejectsWithCode(coll.aggregate([{ $frob: {} }]).toArray(), 40324);
    assert.match(String(error.message), /\$frob/);
  });

  it('fails naming the expression when a pipeline uses an unknown expression operator', async () => {
    const error = await rejectsWithCode(coll.aggregate([{ $project: { x: { $frob: '$a' } } }]).toArray(), 168);
    assert.match(String(error.message), /\$frob/);
  });

  it('fails naming the accumulator when $group uses an unknown one', async () => {
    const error = await rejectsWithCode(coll.aggregate([{ $group: { _id: null, x: { $frob: '$a' } } }]).toArray(), 15952);
    assert.match(String(error.message), /\$frob/);
  });

  it('answers an E11000 errmsg naming the namespace, index and key when a duplicate is inserted', async () => {
    const error = await rejectsWithCode(coll.insertOne({ _id: 1 }), 11000);
    const namespace = `${ctx.db.databaseName}.${coll.collectionName}`;
    assert.equal(error.errmsg, `E11000 duplicate key error collection: ${namespace} index: _id_ dup key: { _id: 1 }`);
  });

  it('fails with BadValue when $size is given a negative number', async () => {
    await rejectsWithCode(coll.find({ tags: { $size: -1 } }).toArray(), 2);
  });

  it('fails with BadValue when $in is not given an array', async () => {
    await rejectsWithCode(coll.find({ a: { $in: 1 } }).toArray(), 2);
  });

  it('fails with a regex error when $regex has an invalid pattern', async () => {
    await rejectsWithCode(coll.find({ a: { $regex: '(' } }).toArray(), 51091);
  });

  it('fails with InvalidNamespace when a collection name is empty', async () => {
    await rejectsWithCode(ctx.db.command({ find: '' }), 73);
  });

  it('fails with NamespaceNotFound when listIndexes names a missing collection', async () => {
    await rejectsWithCode(ctx.db.command({ listIndexes: 'no_such_collection' }), 26);
  });

  it('fails with NamespaceNotFound when renameCollection names a missing source', async () => {
    const db = ctx.db.databaseName;
    await rejectsWithCode(ctx.db.admin().command({ renameCollection: `${db}.no_such_collection`, to: `${db}.anything` }), 26);
  });

  it('fails with FailedToParse when aggregate is sent without a cursor option', async () => {
    await rejectsWithCode(ctx.db.command({ aggregate: coll.collectionName, pipeline: [] }), 9);
  });

  it('rejects the document with BadValue when its _id is an array', async () => {
    await rejectsWithCode(coll.insertOne({ _id: [1, 2] }), 2);
    assert.equal(await coll.countDocuments({ _id: [1, 2] }), 0);
  });

  it('reports the id as not found when killCursors names an unknown cursor', async () => {
    const reply = await ctx.db.command({ killCursors: coll.collectionName, cursors: [Long.fromNumber(987654321)] });
    assert.equal(reply.ok, 1);
    assert.deepEqual(reply.cursorsNotFound.map((id: unknown) => String(id)), ['987654321']);
  });

  it('leaves the document unchanged when an update fails part-way', async () => {
    await assert.rejects(coll.updateOne({ _id: 1 }, { $set: { b: 1 }, $inc: { tags: 1 } }), { code: 14 });
    assert.deepEqual(await coll.findOne({ _id: 1 }), { _id: 1, a: 1, tags: ['x'] });
  });
});
