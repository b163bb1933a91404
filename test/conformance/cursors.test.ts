import assert from 'node:assert/strict';
import { Long } from 'mongodb';
import type { CommandStartedEvent } from 'mongodb';
import type { LooseCollection } from './support/conformanceDb.js';
import { rejectsWithCode, useConformanceDb } from './support/conformanceDb.js';

const TOTAL = 250;

/** Replies promote small int64 values to numbers; commands must send cursor ids back as int64. */
const asLong = (id: Long | number | bigint) => (typeof id === 'bigint' ? Long.fromBigInt(id) : Long.fromValue(id));

describe('conformance: cursors, counts and distinct', () => {
  const ctx = useConformanceDb('conf_cursors', { monitorCommands: true });
  let coll: LooseCollection;
  const started: CommandStartedEvent[] = [];

  before(async () => {
    coll = ctx.fresh();
    await coll.insertMany(Array.from({ length: TOTAL }, (_, i) => ({ _id: i, n: i, parity: i % 2, group: `g${i % 5}` })));
    ctx.client.on('commandStarted', (event) => started.push(event));
  });

  beforeEach(() => {
    started.length = 0;
  });

  const commandsNamed = (name: string) => started.filter((event) => event.commandName === name);

  it('returns every document across many getMores when the batch size is small', async () => {
    const docs = await coll.find().sort({ _id: 1 }).batchSize(10).toArray();
    assert.deepEqual(docs.map((doc) => doc._id), Array.from({ length: TOTAL }, (_, i) => i));
    assert.ok(commandsNamed('getMore').length >= 24, `expected at least 24 getMores, saw ${commandsNamed('getMore').length}`);
  });

  it('answers a first batch of batchSize and a live Int64 cursor id when the raw find command runs', async () => {
    const command = { find: coll.collectionName, filter: {}, sort: { _id: 1 }, batchSize: 7 };
    const reply = await ctx.db.command(command, { useBigInt64: true });
    assert.equal(reply.cursor.firstBatch.length, 7);
    assert.equal(typeof reply.cursor.id, 'bigint', 'cursor ids travel as BSON int64');
    assert.notEqual(reply.cursor.id, 0n);
    assert.equal(reply.cursor.ns, `${ctx.db.databaseName}.${coll.collectionName}`);
    await ctx.db.command({ killCursors: coll.collectionName, cursors: [asLong(reply.cursor.id)] });
  });

  it('continues where the first batch stopped and ends with cursor id 0 when getMore drains it', async () => {
    const first = await ctx.db.command({ find: coll.collectionName, filter: { n: { $lt: 30 } }, sort: { n: 1 }, batchSize: 20 });
    const more = await ctx.db.command({ getMore: asLong(first.cursor.id), collection: coll.collectionName, batchSize: 100 });
    assert.deepEqual(more.cursor.nextBatch.map((doc: { n: number }) => doc.n), Array.from({ length: 10 }, (_, i) => 20 + i));
    assert.ok(asLong(more.cursor.id).isZero());
  });

  it('answers cursor id 0 at once when the whole result fits the first batch', async () => {
    const reply = await ctx.db.command({ find: coll.collectionName, filter: { n: { $lt: 3 } }, batchSize: 10 });
    assert.equal(reply.cursor.firstBatch.length, 3);
    assert.ok(asLong(reply.cursor.id).isZero());
  });

  it('reports the cursor killed and refuses a later getMore with CursorNotFound when killCursors runs', async () => {
    const reply = await ctx.db.command({ find: coll.collectionName, filter: {}, batchSize: 2 });
    const cursorId = asLong(reply.cursor.id);
    const killed = await ctx.db.command({ killCursors: coll.collectionName, cursors: [cursorId] });
    assert.deepEqual(killed.cursorsKilled.map((id: Long) => asLong(id).toString()), [cursorId.toString()]);
    await rejectsWithCode(ctx.db.command({ getMore: cursorId, collection: coll.collectionName }), 43);
  });

  it('sends killCursors for the open cursor when the driver cursor is closed early', async () => {
    const cursor = coll.find().batchSize(5);
    await cursor.next();
    await cursor.close();
    const kills = commandsNamed('killCursors');
    assert.equal(kills.length, 1);
    const cursorId = kills[0]?.command.cursors[0];
    await rejectsWithCode(ctx.db.command({ getMore: cursorId, collection: coll.collectionName }), 43);
  });

  it('refuses getMore with CursorNotFound when the cursor id was never issued', async () => {
    await rejectsWithCode(ctx.db.command({ getMore: Long.fromNumber(123456789), collection: coll.collectionName }), 43);
  });

  it('applies sort, then skip, then limit when all three are given', async () => {
    const docs = await coll.find({ parity: 0 }).sort({ n: -1 }).skip(5).limit(3).toArray();
    assert.deepEqual(docs.map((doc) => doc.n), [238, 236, 234]);
  });

  it('stops at the limit when the batch size is smaller than the limit', async () => {
    const docs = await coll.find().sort({ n: 1 }).limit(25).batchSize(4).toArray();
    assert.equal(docs.length, 25);
    assert.equal(docs[24]?.n, 24);
  });

  it('sorts by the second key when the first key ties', async () => {
    const docs = await coll.find({ n: { $lt: 10 } }).sort({ parity: 1, n: -1 }).toArray();
    assert.deepEqual(docs.map((doc) => doc.n), [8, 6, 4, 2, 0, 9, 7, 5, 3, 1]);
  });

  it('counts only matching documents when countDocuments has a filter', async () => {
    assert.equal(await coll.countDocuments({ parity: 1 }), 125);
    assert.equal(await coll.countDocuments({ n: { $gte: 240 } }), 10);
  });

  it('honours skip and limit when countDocuments is given them', async () => {
    assert.equal(await coll.countDocuments({}, { skip: 240, limit: 100 }), 10);
    assert.equal(await coll.countDocuments({}, { limit: 7 }), 7);
  });

  it('reports the collection size when estimatedDocumentCount runs', async () => {
    assert.equal(await coll.estimatedDocumentCount(), TOTAL);
  });

  it('answers n when the raw count command runs with a query', async () => {
    const reply = await ctx.db.command({ count: coll.collectionName, query: { group: 'g1' } });
    assert.equal(reply.n, 50);
  });

  it('returns each value once when distinct runs', async () => {
    const groups = await coll.distinct('group');
    assert.deepEqual([...groups].sort(), ['g0', 'g1', 'g2', 'g3', 'g4']);
  });

  it('flattens array elements and follows dotted paths when distinct runs on them', async () => {
    const tagged = ctx.fresh();
    await tagged.insertMany([{ t: ['a', 'b'], m: { k: 1 } }, { t: ['b', 'c'], m: { k: 2 } }, { t: 'd', m: { k: 1 } }]);
    assert.deepEqual([...(await tagged.distinct('t'))].sort(), ['a', 'b', 'c', 'd']);
    assert.deepEqual([...(await tagged.distinct('m.k'))].sort(), [1, 2]);
  });

  it('considers only matching documents when distinct has a filter', async () => {
    const values = await coll.distinct('group', { n: { $lt: 3 } });
    assert.deepEqual([...values].sort(), ['g0', 'g1', 'g2']);
  });

  it('returns aggregate results across getMores when the aggregate batch size is small', async () => {
    const docs = await coll.aggregate([{ $match: { parity: 1 } }, { $sort: { n: 1 } }], { batchSize: 10 }).toArray();
    assert.equal(docs.length, 125);
    assert.equal(docs[124]?.n, 249);
    assert.ok(commandsNamed('getMore').length >= 12);
  });

  it('yields documents one at a time in order when iterated with for await', async () => {
    const seen: number[] = [];
    for await (const doc of coll.find({ n: { $lt: 12 } }).sort({ n: 1 }).batchSize(5)) seen.push(doc.n);
    assert.deepEqual(seen, Array.from({ length: 12 }, (_, i) => i));
  });

  it('returns an empty array when find matches nothing', async () => {
    assert.deepEqual(await coll.find({ n: -1 }).toArray(), []);
  });
});
