import assert from 'node:assert/strict';
import { MongoBulkWriteError, MongoServerError, ObjectId } from 'mongodb';
import { rejectsWithCode, useConformanceDb } from './support/conformanceDb.js';

describe('conformance: CRUD and write results', () => {
  const ctx = useConformanceDb('conf_crud');

  it('returns a generated ObjectId as insertedId when the document has no _id', async () => {
    const coll = ctx.fresh();
    const result = await coll.insertOne({ name: 'alpha' });
    assert.equal(result.acknowledged, true);
    assert.ok(result.insertedId instanceof ObjectId);
    const stored = await coll.findOne({ _id: result.insertedId });
    assert.equal(stored?.name, 'alpha');
  });

  it('keeps the caller’s _id when the document brings one', async () => {
    const coll = ctx.fresh<{ _id: string; n: number }>();
    const result = await coll.insertOne({ _id: 'custom-id', n: 1 });
    assert.equal(result.insertedId, 'custom-id');
    assert.deepEqual(await coll.findOne({ _id: 'custom-id' }), { _id: 'custom-id', n: 1 });
  });

  it('reports insertedIds by batch index when inserting many', async () => {
    const coll = ctx.fresh();
    const result = await coll.insertMany([{ n: 1 }, { _id: 'two', n: 2 } as never, { n: 3 }]);
    assert.equal(result.insertedCount, 3);
    assert.equal(result.insertedIds[1], 'two');
    assert.ok(result.insertedIds[0] instanceof ObjectId);
    assert.equal(await coll.countDocuments(), 3);
  });

  it('returns null from findOne when nothing matches', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ n: 1 });
    assert.equal(await coll.findOne({ n: 2 }), null);
  });

  it('preserves field order and nested values when a document round-trips', async () => {
    const coll = ctx.fresh();
    const doc = { _id: 1, z: 1, a: { y: [1, { b: 2 }], x: null }, m: 'text', d: new Date('2020-01-02T03:04:05.006Z') };
    await coll.insertOne(doc);
    const stored = await coll.findOne({ _id: 1 });
    assert.deepEqual(stored, doc);
    assert.deepEqual(Object.keys(stored ?? {}), ['_id', 'z', 'a', 'm', 'd']);
  });

  it('counts matched and modified documents when updateOne changes a value', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, n: 1 });
    const result = await coll.updateOne({ _id: 1 }, { $set: { n: 2 } });
    assert.equal(result.matchedCount, 1);
    assert.equal(result.modifiedCount, 1);
    assert.equal(result.upsertedCount, 0);
    assert.equal(result.upsertedId, null);
  });

  it('counts a match but no modification when $set writes the value already stored', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, n: 1 });
    const result = await coll.updateOne({ _id: 1 }, { $set: { n: 1 } });
    assert.equal(result.matchedCount, 1);
    assert.equal(result.modifiedCount, 0);
  });

  it('modifies only the documents that really change when updateMany matches several', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ g: 'a', n: 1 }, { g: 'a', n: 5 }, { g: 'a', n: 1 }, { g: 'b', n: 1 }]);
    const result = await coll.updateMany({ g: 'a' }, { $set: { n: 5 } });
    assert.equal(result.matchedCount, 3);
    assert.equal(result.modifiedCount, 2);
    assert.equal(await coll.countDocuments({ n: 5 }), 3);
  });

  it('reports zero counts when an update matches nothing', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ n: 1 });
    const result = await coll.updateMany({ n: 99 }, { $set: { m: 1 } });
    assert.equal(result.matchedCount, 0);
    assert.equal(result.modifiedCount, 0);
    assert.equal(await coll.countDocuments({ m: 1 }), 0);
  });

  it('deletes a single document when deleteOne matches several', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ g: 1 }, { g: 1 }, { g: 2 }]);
    const result = await coll.deleteOne({ g: 1 });
    assert.equal(result.deletedCount, 1);
    assert.equal(await coll.countDocuments({ g: 1 }), 1);
  });

  it('deletes every match and reports the count when deleteMany runs', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ g: 1 }, { g: 1 }, { g: 2 }]);
    const result = await coll.deleteMany({ g: 1 });
    assert.equal(result.deletedCount, 2);
    assert.deepEqual(await coll.find({}, { projection: { _id: 0 } }).toArray(), [{ g: 2 }]);
  });

  it('replaces every field but _id when replaceOne runs', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 7, a: 1, b: 2 });
    const result = await coll.replaceOne({ _id: 7 }, { c: 3 });
    assert.equal(result.modifiedCount, 1);
    assert.deepEqual(await coll.findOne({ _id: 7 }), { _id: 7, c: 3 });
  });

  it('returns the document before the change by default when findOneAndUpdate runs', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, n: 1 });
    const before = await coll.findOneAndUpdate({ _id: 1 }, { $inc: { n: 1 } });
    assert.deepEqual(before, { _id: 1, n: 1 });
    assert.deepEqual(await coll.findOne({ _id: 1 }), { _id: 1, n: 2 });
  });

  it('returns the changed document when findOneAndUpdate asks for returnDocument after', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1, n: 1 });
    const after = await coll.findOneAndUpdate({ _id: 1 }, { $inc: { n: 10 } }, { returnDocument: 'after' });
    assert.deepEqual(after, { _id: 1, n: 11 });
  });

  it('updates the first document in sort order when findOneAndUpdate has a sort', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ _id: 1, rank: 3 }, { _id: 2, rank: 1 }, { _id: 3, rank: 2 }]);
    const after = await coll.findOneAndUpdate({}, { $set: { picked: true } }, { sort: { rank: 1 }, returnDocument: 'after' });
    assert.equal(after?._id, 2);
    assert.equal(await coll.countDocuments({ picked: true }), 1);
  });

  it('returns the removed document when findOneAndDelete matches', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ _id: 1, n: 1 }, { _id: 2, n: 2 }]);
    const removed = await coll.findOneAndDelete({ n: 2 });
    assert.deepEqual(removed, { _id: 2, n: 2 });
    assert.equal(await coll.countDocuments(), 1);
  });

  it('returns null from findOneAndUpdate when nothing matches and upsert is off', async () => {
    const coll = ctx.fresh();
    const result = await coll.findOneAndUpdate({ _id: 1 }, { $set: { n: 1 } });
    assert.equal(result, null);
    assert.equal(await coll.countDocuments(), 0);
  });

  it('returns the inserted document when findOneAndReplace upserts with returnDocument after', async () => {
    const coll = ctx.fresh();
    const result = await coll.findOneAndReplace({ _id: 9 }, { v: 'new' }, { upsert: true, returnDocument: 'after' });
    assert.deepEqual(result, { _id: 9, v: 'new' });
  });

  it('includes the full metadata when findOneAndUpdate asks for includeResultMetadata', async () => {
    const coll = ctx.fresh();
    const result = await coll.findOneAndUpdate({ _id: 5 }, { $set: { n: 1 } }, { upsert: true, includeResultMetadata: true });
    assert.equal(result.ok, 1);
    assert.equal(result.value, null);
    assert.equal(result.lastErrorObject?.updatedExisting, false);
    assert.equal(result.lastErrorObject?.upserted, 5);
  });

  it('rejects a duplicate _id with code 11000 and an E11000 message when insertOne collides', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ _id: 1 });
    const error = await rejectsWithCode(coll.insertOne({ _id: 1 }), 11000);
    assert.ok(error instanceof MongoServerError);
    assert.match(String(error.errmsg), /E11000 duplicate key error/);
    assert.deepEqual(error.keyPattern, { _id: 1 });
    assert.deepEqual(error.keyValue, { _id: 1 });
  });

  it('stops at the duplicate and skips later documents when an ordered insertMany collides mid-batch', async () => {
    const coll = ctx.fresh();
    const docs = [{ _id: 1 }, { _id: 2 }, { _id: 1 }, { _id: 3 }];
    const error = await rejectsWithCode(coll.insertMany(docs), 11000);
    assert.ok(error instanceof MongoBulkWriteError);
    assert.equal(error.insertedCount, 2);
    assert.deepEqual([error.writeErrors].flat().map((writeError) => writeError.index), [2]);
    assert.deepEqual(await coll.distinct('_id'), [1, 2]);
  });

  it('inserts every other document when an unordered insertMany collides mid-batch', async () => {
    const coll = ctx.fresh();
    const docs = [{ _id: 1 }, { _id: 2 }, { _id: 1 }, { _id: 3 }, { _id: 2 }];
    const error = await rejectsWithCode(coll.insertMany(docs, { ordered: false }), 11000);
    assert.ok(error instanceof MongoBulkWriteError);
    assert.equal(error.insertedCount, 3);
    assert.deepEqual([error.writeErrors].flat().map((writeError) => writeError.index), [2, 4]);
    assert.deepEqual(await coll.distinct('_id'), [1, 2, 3]);
  });

  it('answers writeErrors with index, code, errmsg, keyPattern and keyValue when the raw insert command collides', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ email: 1 }, { unique: true });
    const reply = await ctx.db.command({
      insert: coll.collectionName,
      documents: [{ _id: 1, email: 'a@x' }, { _id: 2, email: 'a@x' }, { _id: 3, email: 'b@x' }],
      ordered: false,
    });
    assert.equal(reply.ok, 1);
    assert.equal(reply.n, 2);
    assert.equal(reply.writeErrors.length, 1);
    const [writeError] = reply.writeErrors;
    assert.equal(writeError.index, 1);
    assert.equal(writeError.code, 11000);
    assert.match(writeError.errmsg, /^E11000 duplicate key error/);
    assert.deepEqual(writeError.keyPattern, { email: 1 });
    assert.deepEqual(writeError.keyValue, { email: 'a@x' });
  });

  it('reports counts for each kind of operation when bulkWrite mixes them', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ _id: 1, n: 1 }, { _id: 2, n: 2 }]);
    const result = await coll.bulkWrite([
      { insertOne: { document: { _id: 3, n: 3 } } },
      { updateOne: { filter: { _id: 1 }, update: { $set: { n: 10 } } } },
      { updateOne: { filter: { _id: 2 }, update: { $set: { n: 2 } } } },
      { deleteOne: { filter: { _id: 3 } } },
      { updateOne: { filter: { _id: 4 }, update: { $set: { n: 4 } }, upsert: true } },
      { replaceOne: { filter: { _id: 2 }, replacement: { n: 20 } } },
    ]);
    assert.equal(result.insertedCount, 1);
    assert.equal(result.matchedCount, 3);
    assert.equal(result.modifiedCount, 2);
    assert.equal(result.deletedCount, 1);
    assert.equal(result.upsertedCount, 1);
    assert.deepEqual(result.upsertedIds, { 4: 4 });
    assert.deepEqual(await coll.find().sort({ _id: 1 }).toArray(), [{ _id: 1, n: 10 }, { _id: 2, n: 20 }, { _id: 4, n: 4 }]);
  });

  it('applies operations before the failure only when an ordered bulkWrite hits a duplicate', async () => {
    const coll = ctx.fresh();
    const error = await rejectsWithCode(
      coll.bulkWrite([
        { insertOne: { document: { _id: 1 } } },
        { insertOne: { document: { _id: 1 } } },
        { updateOne: { filter: { _id: 1 }, update: { $set: { late: true } } } },
      ]),
      11000,
    );
    assert.ok(error instanceof MongoBulkWriteError);
    assert.deepEqual([error.writeErrors].flat().map((writeError) => writeError.index), [1]);
    assert.deepEqual(await coll.findOne({ _id: 1 }), { _id: 1 });
  });
});
