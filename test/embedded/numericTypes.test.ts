import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Decimal128, Double, Int32, Long, MongoClient } from 'mongodb';
import { pino } from 'pino';
import { startEmbeddedMongo } from '../../server/db/embedded/index.js';
import { openPersistence } from '../../server/db/embedded/persistence/index.js';
import { looseCollection, useEmbeddedStore } from './support/embeddedStore.js';

/** Reads documents back without the driver's number promotion, so the stored BSON types are visible. */
const rawOptions = { promoteValues: false, promoteLongs: false } as const;

const typeNames = (value: unknown) => (value as { _bsontype?: string })._bsontype ?? typeof value;

describe('embedded store: numeric types keep their BSON identity', () => {
  const ctx = useEmbeddedStore('numeric_types');

  it('returns Int32, Double, Long and Decimal128 as they were written when documents are read back', async () => {
    const coll = looseCollection(ctx.db, 'roundtrip');
    await coll.insertOne({ _id: 1, i: 3, d: new Double(3), f: 2.5, l: Long.fromNumber(3), m: Decimal128.fromString('3'), arr: [new Double(1), Long.fromNumber(2)] });
    const doc = await coll.findOne({ _id: 1 }, rawOptions);
    assert.deepEqual(
      [doc?.i, doc?.d, doc?.f, doc?.l, doc?.m, ...(doc?.arr as unknown[])].map(typeNames),
      ['Int32', 'Double', 'Double', 'Long', 'Decimal128', 'Double', 'Long'],
    );
    const projected = await coll.findOne({ _id: 1 }, { ...rawOptions, projection: { d: 1, l: 1, arr: { $slice: new Double(1) } } });
    assert.deepEqual([projected?.d, projected?.l, ...(projected?.arr as unknown[])].map(typeNames), ['Double', 'Long', 'Double']);
  });

  it('finds Int32 3, Double 3.0 and Long 3 through one index key when an indexed field is queried', async () => {
    const coll = looseCollection(ctx.db, 'indexed');
    await coll.createIndex({ n: 1 });
    await coll.insertMany([{ _id: 'int', n: 3 }, { _id: 'double', n: new Double(3) }, { _id: 'long', n: Long.fromNumber(3) }, { _id: 'other', n: 4 }]);
    for (const probe of [3, new Double(3), Long.fromNumber(3), Decimal128.fromString('3')]) {
      const ids = (await coll.find({ n: probe }).toArray()).map((d) => d._id).sort();
      assert.deepEqual(ids, ['double', 'int', 'long'], `probe ${String(probe)}`);
    }
    const sorted = (await coll.find({ n: { $gte: Long.fromNumber(3) } }).sort({ n: -1, _id: 1 }).toArray()).map((d) => d._id);
    assert.deepEqual(sorted, ['other', 'double', 'int', 'long']);
  });

  it('rejects a second document whose key differs only in numeric type when the index is unique', async () => {
    const coll = looseCollection(ctx.db, 'unique');
    await coll.createIndex({ n: 1 }, { unique: true });
    await coll.insertOne({ n: Long.fromNumber(5) });
    await assert.rejects(coll.insertOne({ n: new Double(5) }), { code: 11000 });
  });

  it('promotes as MongoDB does when $inc and $mul mix numeric types', async () => {
    const coll = looseCollection(ctx.db, 'arith');
    await coll.insertOne({ _id: 1, big: 2 ** 31 - 1, int: 4, long: Long.fromNumber(10), dec: Decimal128.fromString('0.1') });
    await coll.updateOne({ _id: 1 }, { $inc: { big: 1, long: new Double(0.5), dec: new Int32(1), fresh: new Double(2) }, $mul: { int: Long.fromNumber(2) } });
    const doc = await coll.findOne({ _id: 1 }, rawOptions);
    assert.deepEqual([doc?.big, doc?.long, doc?.dec, doc?.fresh, doc?.int].map(typeNames), ['Long', 'Double', 'Decimal128', 'Double', 'Long']);
    assert.equal(String(doc?.big), String(2 ** 31));
    assert.equal(String(doc?.dec), '1.1');
    assert.equal(Number(doc?.long), 10.5);
  });

  it('fails instead of wrapping when $inc overflows a Long', async () => {
    const coll = looseCollection(ctx.db, 'overflow');
    await coll.insertOne({ _id: 1, n: Long.MAX_VALUE });
    await assert.rejects(coll.updateOne({ _id: 1 }, { $inc: { n: 1 } }), { code: 2 });
  });

  it('counts a type change as a modification when $set writes an equal number of another type', async () => {
    const coll = looseCollection(ctx.db, 'modified');
    await coll.insertOne({ _id: 1, n: 2 });
    assert.equal((await coll.updateOne({ _id: 1 }, { $set: { n: 2 } })).modifiedCount, 0);
    assert.equal((await coll.updateOne({ _id: 1 }, { $set: { n: new Double(2) } })).modifiedCount, 1);
    assert.equal((await coll.updateOne({ _id: 1 }, { $set: { n: new Double(2) } })).modifiedCount, 0);
  });

  it('sums, averages and adds Doubles and Longs when an aggregation computes with them', async () => {
    const coll = looseCollection(ctx.db, 'agg');
    await coll.insertMany([{ g: 1, v: new Double(2) }, { g: 1, v: Long.fromNumber(4) }, { g: 1, v: 3 }]);
    const [row] = await coll.aggregate([{ $group: { _id: '$g', total: { $sum: '$v' }, avg: { $avg: '$v' }, max: { $max: '$v' } } }]).toArray();
    assert.deepEqual({ total: row.total, avg: row.avg, max: row.max }, { total: 9, avg: 3, max: 4 });
    const added = await coll.aggregate([{ $project: { _id: 0, w: { $add: ['$v', 1] } } }, { $sort: { w: 1 } }]).toArray();
    assert.deepEqual(added.map((d) => d.w), [3, 4, 5]);
  });

  it('matches wrapped numbers when $mod, $expr and $all test them', async () => {
    const coll = looseCollection(ctx.db, 'operators');
    await coll.insertMany([{ _id: 'd', v: new Double(4), a: [new Double(1), 2] }, { _id: 'l', v: Long.fromNumber(5), a: [Long.fromNumber(1)] }]);
    assert.deepEqual((await coll.find({ v: { $mod: [2, 0] } }).toArray()).map((d) => d._id), ['d']);
    assert.deepEqual((await coll.find({ $expr: { $gt: ['$v', 4] } }).toArray()).map((d) => d._id), ['l']);
    assert.deepEqual((await coll.find({ a: { $all: [1, 2] } }).toArray()).map((d) => d._id), ['d']);
  });
});

describe('embedded store: numeric types survive a restart', () => {
  let dbPath: string;

  before(async () => {
    dbPath = await mkdtemp(path.join(os.tmpdir(), 'tfc-embedded-numbers-'));
  });

  after(async () => {
    await rm(dbPath, { recursive: true, force: true });
  });

  it('replays whole-number Doubles and small Longs with their types when the journal is reloaded', async () => {
    const silent = pino({ level: 'silent' });
    const first = await startEmbeddedMongo({ dbPath, logger: silent });
    const writer = await MongoClient.connect(first.uri);
    await looseCollection(writer.db('keep'), 'nums').insertOne({ _id: 1, d: new Double(7), l: Long.fromNumber(7), i: 7 });
    await writer.close();
    await first.stop();
    const second = await startEmbeddedMongo({ dbPath, logger: silent });
    const reader = await MongoClient.connect(second.uri);
    try {
      const doc = await looseCollection(reader.db('keep'), 'nums').findOne({ _id: 1 }, rawOptions);
      assert.deepEqual([doc?.d, doc?.l, doc?.i].map(typeNames), ['Double', 'Long', 'Int32']);
    } finally {
      await reader.close();
      await second.stop();
    }
  });

  it('still loads documents journaled whole (without raw bytes) when an older journal is replayed', async () => {
    const silent = pino({ level: 'silent' });
    const legacy = await mkdtemp(path.join(os.tmpdir(), 'tfc-embedded-legacy-'));
    try {
      const persistence = await openPersistence(legacy, silent);
      await persistence.load(() => undefined, () => undefined);
      await persistence.append([{ op: 'create', ns: 'old.items', options: {} }, { op: 'w', ns: 'old.items', doc: { _id: 1, n: 2.5 } }]);
      await persistence.close();
      const store = await startEmbeddedMongo({ dbPath: legacy, logger: silent });
      const client = await MongoClient.connect(store.uri);
      try {
        assert.deepEqual(await looseCollection(client.db('old'), 'items').findOne({ _id: 1 }), { _id: 1, n: 2.5 });
      } finally {
        await client.close();
        await store.stop();
      }
    } finally {
      await rm(legacy, { recursive: true, force: true });
    }
  });
});
