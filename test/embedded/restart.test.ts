import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { looseCollection } from './support/embeddedStore.js';
import { pino } from 'pino';
import { startEmbeddedMongo } from '../../server/db/embedded/index.js';

const silent = pino({ level: 'silent' });

/** Runs `fn` against a store on `dbPath`, then stops the store cleanly. */
async function withStore<T>(dbPath: string, fn: (client: MongoClient) => Promise<T>): Promise<T> {
  const store = await startEmbeddedMongo({ dbPath, logger: silent });
  const client = await MongoClient.connect(store.uri);
  try {
    return await fn(client);
  } finally {
    await client.close();
    await store.stop();
  }
}

describe('embedded store: state survives a restart on the same dbPath', () => {
  let dbPath: string;

  beforeEach(async () => {
    dbPath = await mkdtemp(path.join(os.tmpdir(), 'tfc-embedded-restart-'));
  });

  afterEach(async () => {
    await rm(dbPath, { recursive: true, force: true });
  });

  it('restores documents, indexes, renames and drops when the store restarts', async () => {
    await withStore(dbPath, async (client) => {
      const db = client.db('forum');
      await looseCollection(db, 'posts').insertMany([{ _id: 1, title: 'Labor trafficking outreach', forum: 'a' }, { _id: 2, title: 'Hotel training', forum: 'b' }]);
      await looseCollection(db, 'posts').createIndex({ forum: 1 }, { unique: true });
      await looseCollection(db, 'posts').createIndex({ title: 'text' });
      await looseCollection(db, 'posts').updateOne({ _id: 2 }, { $set: { title: 'Hotel trafficking training' } });
      await db.collection('scratch').insertOne({ x: 1 });
      await db.collection('scratch').drop();
      await looseCollection(db, 'old').insertOne({ _id: 'kept' });
      await looseCollection(db, 'old').rename('renamed');
    });
    await withStore(dbPath, async (client) => {
      const db = client.db('forum');
      const names = (await db.listCollections().toArray()).map((c) => c.name).sort();
      assert.deepEqual(names, ['posts', 'renamed']);
      assert.deepEqual((await looseCollection(db, 'posts').listIndexes().toArray()).map((i) => i.name), ['_id_', 'forum_1', 'title_text']);
      await assert.rejects(looseCollection(db, 'posts').insertOne({ forum: 'a' }), { code: 11000 });
      const hits = await looseCollection(db, 'posts').find({ $text: { $search: 'trafficking' } }).sort({ _id: 1 }).toArray();
      assert.deepEqual(hits.map((d) => d._id), [1, 2]);
      assert.equal((await db.collection('renamed').findOne())?._id, 'kept');
    });
  });

  it('keeps committed transactions and drops aborted ones when the store restarts', async () => {
    await withStore(dbPath, async (client) => {
      const coll = looseCollection(client.db('bank'), 'accounts');
      await coll.insertOne({ _id: 'a', balance: 1 });
      const session = client.startSession();
      await session.withTransaction(async () => {
        await coll.updateOne({ _id: 'a' }, { $inc: { balance: 10 } }, { session });
      });
      session.startTransaction();
      await coll.updateOne({ _id: 'a' }, { $inc: { balance: 1000 } }, { session });
      await session.abortTransaction();
      await session.endSession();
    });
    await withStore(dbPath, async (client) => {
      assert.equal((await looseCollection(client.db('bank'), 'accounts').findOne())?.balance, 11);
    });
  });
});
