import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { useConformanceDb } from './support/conformanceDb.js';

/** MongoDB's TTL monitor wakes every 60 s, so a real server may need a full cycle; a store that sweeps faster passes early. */
const TTL_WAIT_MS = 70_000;

describe('conformance: TTL indexes', () => {
  const ctx = useConformanceDb('conf_ttl');

  it('keeps expireAfterSeconds in the index metadata when a TTL index is created', async () => {
    const coll = ctx.fresh();
    await coll.createIndex({ createdAt: 1 }, { expireAfterSeconds: 30 });
    const index = (await coll.listIndexes().toArray()).find((candidate) => candidate.name === 'createdAt_1');
    assert.equal(index?.expireAfterSeconds, 30);
  });

  it('removes expired documents and keeps fresh, non-date and dateless ones when the TTL monitor runs', async function () {
    this.timeout(TTL_WAIT_MS + 5_000);
    const coll = ctx.fresh();
    await coll.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    const past = new Date(Date.now() - 60 * 60 * 1000);
    await coll.insertMany([
      { _id: 'expired', expiresAt: past },
      { _id: 'expired-array', expiresAt: [new Date(Date.now() + 3_600_000), past] },
      { _id: 'fresh', expiresAt: new Date(Date.now() + 60 * 60 * 1000) },
      { _id: 'not-a-date', expiresAt: past.toISOString() },
      { _id: 'no-field' },
    ]);
    const deadline = Date.now() + TTL_WAIT_MS;
    while ((await coll.countDocuments({ _id: { $in: ['expired', 'expired-array'] } })) > 0) {
      assert.ok(Date.now() < deadline, 'expired documents were still present after 70 s');
      await sleep(250);
    }
    const left = (await coll.find().sort({ _id: 1 }).toArray()).map((doc) => doc._id);
    assert.deepEqual(left, ['fresh', 'no-field', 'not-a-date']);
  });
});
