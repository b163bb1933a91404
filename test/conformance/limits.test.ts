import assert from 'node:assert/strict';
import { useConformanceDb } from './support/conformanceDb.js';

const MB = 1024 * 1024;

describe('conformance: large documents and batches', function () {
  this.timeout(60_000);
  const ctx = useConformanceDb('conf_limits', { monitorCommands: true });

  it('round-trips a document when it is just under the 16 MB BSON limit', async () => {
    const coll = ctx.fresh();
    const body = 'x'.repeat(15 * MB);
    await coll.insertOne({ _id: 'big', body });
    const stored = await coll.findOne({ _id: 'big' });
    assert.equal(stored?.body.length, body.length);
  });

  it('stores every document when insertMany needs more than one wire message', async () => {
    const coll = ctx.fresh();
    const chunk = 'y'.repeat(MB);
    const docs = Array.from({ length: 50 }, (_, i) => ({ _id: i, chunk }));
    const result = await coll.insertMany(docs);
    assert.equal(result.insertedCount, 50);
    assert.equal(await coll.countDocuments(), 50);
  });

  it('splits large results into several batches when the documents exceed one reply', async () => {
    const coll = ctx.fresh();
    const chunk = 'z'.repeat(MB);
    await coll.insertMany(Array.from({ length: 20 }, (_, i) => ({ _id: i, chunk })));
    let getMores = 0;
    const count = (event: { commandName: string }) => {
      if (event.commandName === 'getMore') getMores += 1;
    };
    ctx.client.on('commandStarted', count);
    try {
      const docs = await coll.find().sort({ _id: 1 }).toArray();
      assert.deepEqual(docs.map((doc) => doc._id), Array.from({ length: 20 }, (_, i) => i));
      assert.ok(docs.every((doc) => doc.chunk.length === MB));
    } finally {
      ctx.client.off('commandStarted', count);
    }
    assert.ok(getMores >= 1, 'a 20 MB result cannot fit one 16 MB reply, so at least one getMore follows');
  });

  it('stores thousands of small documents when one insertMany carries them', async () => {
    const coll = ctx.fresh();
    const result = await coll.insertMany(Array.from({ length: 5_000 }, (_, i) => ({ n: i })));
    assert.equal(result.insertedCount, 5_000);
    assert.equal(await coll.countDocuments({ n: { $gte: 4_990 } }), 10);
  });
});
