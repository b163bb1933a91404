import assert from 'node:assert/strict';
import type { CollectionInfo } from 'mongodb';
import { rejectsWithCode, useConformanceDb } from './support/conformanceDb.js';

describe('conformance: administrative commands', () => {
  const ctx = useConformanceDb('conf_commands');

  const collectionNames = async () => (await ctx.db.listCollections({}, { nameOnly: true }).toArray()).map((info) => info.name).sort();

  it('answers ok 1 when ping runs', async () => {
    assert.equal((await ctx.db.command({ ping: 1 })).ok, 1);
  });

  it('reports a dotted version and a version array when buildInfo runs', async () => {
    const info = await ctx.db.admin().buildInfo();
    assert.match(info.version, /^\d+\.\d+\.\d+/);
    assert.ok(Array.isArray(info.versionArray));
    assert.equal(info.versionArray[0], Number(info.version.split('.')[0]));
  });

  it('reports a writable primary when hello runs', async () => {
    const hello = await ctx.db.admin().command({ hello: 1 });
    assert.equal(hello.isWritablePrimary, true);
    assert.ok(hello.maxWireVersion >= 9);
    assert.ok(hello.maxBsonObjectSize >= 16 * 1024 * 1024);
  });

  it('lists a collection with its type and options when listCollections runs', async () => {
    const coll = ctx.fresh();
    await ctx.db.createCollection(coll.collectionName);
    const [info] = (await ctx.db.listCollections({ name: coll.collectionName }).toArray()) as CollectionInfo[];
    assert.equal(info?.name, coll.collectionName);
    assert.equal(info?.type, 'collection');
    assert.deepEqual(info?.options, {});
  });

  it('creates the collection implicitly when the first document is inserted', async () => {
    const coll = ctx.fresh();
    assert.ok(!(await collectionNames()).includes(coll.collectionName));
    await coll.insertOne({ a: 1 });
    assert.ok((await collectionNames()).includes(coll.collectionName));
  });

  it('moves documents and indexes to the new name when renameCollection runs', async () => {
    const coll = ctx.fresh();
    await coll.insertMany([{ _id: 1 }, { _id: 2 }]);
    await coll.createIndex({ a: 1 });
    const renamed = await coll.rename(`${coll.collectionName}_renamed`);
    const names = await collectionNames();
    assert.ok(!names.includes(coll.collectionName));
    assert.ok(names.includes(renamed.collectionName));
    assert.equal(await renamed.countDocuments(), 2);
    assert.deepEqual((await renamed.listIndexes().toArray()).map((index) => index.name).sort(), ['_id_', 'a_1']);
  });

  it('fails with NamespaceExists when renameCollection targets an existing collection without dropTarget', async () => {
    const source = ctx.fresh();
    const target = ctx.fresh();
    await source.insertOne({ from: 'source' });
    await target.insertOne({ from: 'target' });
    await rejectsWithCode(source.rename(target.collectionName), 48);
    await source.rename(target.collectionName, { dropTarget: true });
    assert.deepEqual(await target.find({}, { projection: { _id: 0 } }).toArray(), [{ from: 'source' }]);
  });

  it('removes the collection and its documents when drop runs', async () => {
    const coll = ctx.fresh();
    await coll.insertOne({ a: 1 });
    assert.equal(await coll.drop(), true);
    assert.ok(!(await collectionNames()).includes(coll.collectionName));
    assert.equal(await coll.countDocuments(), 0);
  });

  it('lists the database with its size fields when listDatabases runs', async () => {
    await ctx.fresh().insertOne({ a: 1 });
    const { databases } = await ctx.db.admin().listDatabases();
    const mine = databases.find((database) => database.name === ctx.db.databaseName);
    assert.ok(mine, 'the database with data is listed');
    assert.equal(typeof mine.sizeOnDisk, 'number');
    assert.equal(typeof mine.empty, 'boolean');
  });

  it('removes the database and all its collections when dropDatabase runs', async () => {
    const other = ctx.client.db('conf_commands_dropped');
    await other.collection('a').insertOne({ a: 1 });
    await other.collection('b').insertOne({ b: 1 });
    assert.equal(await other.dropDatabase(), true);
    assert.deepEqual(await other.listCollections().toArray(), []);
    const { databases } = await ctx.db.admin().listDatabases();
    assert.ok(!databases.some((database) => database.name === 'conf_commands_dropped'));
  });

  it('filters collections by name when listCollections has a filter', async () => {
    const wanted = ctx.fresh('wanted');
    const other = ctx.fresh('other');
    await wanted.insertOne({});
    await other.insertOne({});
    const infos = await ctx.db.listCollections({ name: { $regex: '^wanted_' } }).toArray();
    assert.deepEqual(infos.map((info) => info.name), [wanted.collectionName]);
  });

  it('answers the server time and uptime when serverStatus runs', async () => {
    const status = await ctx.db.admin().serverStatus();
    assert.equal(status.ok, 1);
    assert.ok(status.localTime instanceof Date);
    assert.equal(typeof status.uptime, 'number');
  });

  it('ends sessions without error when endSessions is sent', async () => {
    const session = ctx.client.startSession();
    await ctx.fresh().insertOne({ a: 1 }, { session });
    const id = session.id;
    await session.endSession();
    assert.equal((await ctx.db.admin().command({ endSessions: [id] })).ok, 1);
  });
});
