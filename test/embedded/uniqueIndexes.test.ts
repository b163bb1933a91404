import assert from 'node:assert/strict';
import type { Document } from 'mongodb';
import { looseCollection, useEmbeddedStore } from './support/embeddedStore.js';

interface WriteFailure {
  code?: number;
  keyPattern?: Document;
  keyValue?: Document;
  writeErrors?: { index: number; code: number }[];
}

async function failure(promise: Promise<unknown>): Promise<WriteFailure> {
  try {
    await promise;
  } catch (error) {
    return error as WriteFailure;
  }
  assert.fail('expected the write to fail');
}

describe('embedded store: unique, sparse, partial and TTL indexes', () => {
  const ctx = useEmbeddedStore('embedded_unique', { ttlIntervalMs: 50 });

  it('reports keyPattern and keyValue when a compound unique key repeats', async () => {
    const coll = ctx.db.collection('compound');
    await coll.createIndex({ forum: 1, slug: 1 }, { unique: true });
    await coll.insertOne({ forum: 1, slug: 'a' });
    await coll.insertOne({ forum: 2, slug: 'a' });
    const error = await failure(coll.insertOne({ forum: 1, slug: 'a' }));
    assert.equal(error.code, 11000);
    assert.deepEqual(error.keyPattern, { forum: 1, slug: 1 });
    assert.deepEqual(error.keyValue, { forum: 1, slug: 'a' });
  });

  it('lets many documents lack the field when the unique index is sparse', async () => {
    const coll = ctx.db.collection('sparse');
    await coll.createIndex({ email: 1 }, { unique: true, sparse: true });
    await coll.insertMany([{ name: 'x' }, { name: 'y' }, { email: 'a@b.c' }]);
    assert.equal((await failure(coll.insertOne({ email: 'a@b.c' }))).code, 11000);
  });

  it('treats missing fields as null when the unique index is not sparse', async () => {
    const coll = ctx.db.collection('dense');
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertOne({ name: 'x' });
    assert.equal((await failure(coll.insertOne({ name: 'y' }))).code, 11000);
  });

  it('enforces uniqueness only inside the filter when the index is partial', async () => {
    const coll = ctx.db.collection('partial');
    await coll.createIndex({ handle: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await coll.insertMany([{ handle: 'h', active: false }, { handle: 'h', active: false }, { handle: 'h', active: true }]);
    assert.equal((await failure(coll.insertOne({ handle: 'h', active: true }))).code, 11000);
    assert.equal((await failure(coll.updateOne({ active: false }, { $set: { active: true } }))).code, 11000);
  });

  it('keeps going after a duplicate when an unordered insertMany has one', async () => {
    const coll = ctx.db.collection('unordered');
    await coll.createIndex({ k: 1 }, { unique: true });
    const error = await failure(coll.insertMany([{ k: 1 }, { k: 1 }, { k: 2 }], { ordered: false }));
    assert.deepEqual(error.writeErrors?.map((e) => [e.index, e.code]), [[1, 11000]]);
    assert.equal(await coll.countDocuments(), 2);
  });

  it('refuses to build a unique index when existing documents already collide', async () => {
    const coll = ctx.db.collection('collide');
    await coll.insertMany([{ k: 1 }, { k: 1 }]);
    assert.equal((await failure(coll.createIndex({ k: 1 }, { unique: true }))).code, 11000);
    assert.deepEqual((await coll.listIndexes().toArray()).map((i) => i.name), ['_id_']);
  });

  it('removes expired documents when a TTL index is present', async () => {
    const coll = looseCollection(ctx.db, 'ttl');
    await coll.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    await coll.insertMany([{ _id: 'old', expiresAt: new Date(Date.now() - 1000) }, { _id: 'fresh', expiresAt: new Date(Date.now() + 60_000) }, { _id: 'none' }]);
    const deadline = Date.now() + 3000;
    while ((await coll.countDocuments({ _id: 'old' })) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    assert.deepEqual((await coll.find().sort({ _id: 1 }).toArray()).map((d) => d._id), ['fresh', 'none']);
  });
});
