import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { MongoError } from 'mongodb';
import type { LooseCollection } from './support/conformanceDb.js';
import { useConformanceDb } from './support/conformanceDb.js';

describe('conformance: transactions', () => {
  const ctx = useConformanceDb('conf_txn');
  let accounts: LooseCollection;
  let audit: LooseCollection;

  beforeEach(async () => {
    accounts = ctx.fresh('accounts');
    audit = ctx.fresh('audit');
    // Collections exist before the transactions so no test depends on implicit creation inside one.
    await accounts.insertOne({ _id: 'seed', balance: 100 });
    await audit.insertOne({ _id: 'seed' });
  });

  it('makes every write visible when the transaction commits', async () => {
    const session = ctx.client.startSession();
    try {
      session.startTransaction();
      await accounts.insertOne({ _id: 'new', balance: 5 }, { session });
      await accounts.updateOne({ _id: 'seed' }, { $inc: { balance: -5 } }, { session });
      await audit.insertOne({ _id: 'moved', amount: 5 }, { session });
      await session.commitTransaction();
    } finally {
      await session.endSession();
    }
    assert.deepEqual(await accounts.find().sort({ _id: 1 }).toArray(), [{ _id: 'new', balance: 5 }, { _id: 'seed', balance: 95 }]);
    assert.equal(await audit.countDocuments({ _id: 'moved' }), 1);
  });

  it('leaves nothing behind when the transaction aborts', async () => {
    const session = ctx.client.startSession();
    try {
      session.startTransaction();
      await accounts.insertOne({ _id: 'ghost' }, { session });
      await accounts.updateOne({ _id: 'seed' }, { $set: { balance: 0 } }, { session });
      await audit.deleteOne({ _id: 'seed' }, { session });
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    assert.deepEqual(await accounts.find().toArray(), [{ _id: 'seed', balance: 100 }]);
    assert.equal(await audit.countDocuments(), 1);
  });

  it('hides uncommitted writes when reads run outside the transaction', async () => {
    const session = ctx.client.startSession();
    try {
      session.startTransaction();
      await accounts.insertOne({ _id: 'pending' }, { session });
      await accounts.updateOne({ _id: 'seed' }, { $set: { balance: 1 } }, { session });
      assert.equal(await accounts.findOne({ _id: 'pending' }), null);
      assert.equal((await accounts.findOne({ _id: 'seed' }))?.balance, 100);
      await session.commitTransaction();
    } finally {
      await session.endSession();
    }
    assert.equal(await accounts.countDocuments({ _id: 'pending' }), 1);
  });

  it('never shows an uncommitted insert when a concurrent transaction reads', async () => {
    const writer = ctx.client.startSession();
    const reader = ctx.client.startSession();
    try {
      writer.startTransaction();
      reader.startTransaction();
      await accounts.insertOne({ _id: 'in-flight' }, { session: writer });
      // MongoDB answers from a snapshot at once; a store with one transaction at a time may hold the read
      // until the writer commits, or refuse it with a retryable WriteConflict. Either way the reader may
      // only see the document once its commit was requested.
      let commitRequested = false;
      const read = accounts
        .findOne({ _id: 'in-flight' }, { session: reader })
        .then((doc) => ({ doc, commitRequestedBeforeAnswer: commitRequested }))
        .catch((error: unknown) => ({ error }));
      await sleep(200);
      commitRequested = true;
      await writer.commitTransaction();
      const outcome = await read;
      if ('error' in outcome) {
        assert.ok(outcome.error instanceof MongoError, String(outcome.error));
        assert.equal(outcome.error.code, 112);
        assert.ok(outcome.error.hasErrorLabel('TransientTransactionError'), 'the conflict is labelled retryable');
        await reader.abortTransaction();
      } else {
        if (outcome.doc !== null) assert.ok(outcome.commitRequestedBeforeAnswer, 'the reader saw an uncommitted insert');
        await reader.commitTransaction();
      }
    } finally {
      await Promise.all([writer.endSession(), reader.endSession()]);
    }
    assert.equal(await accounts.countDocuments({ _id: 'in-flight' }), 1);
  });

  it('reads its own writes when queries run inside the transaction', async () => {
    const session = ctx.client.startSession();
    try {
      session.startTransaction();
      await accounts.insertOne({ _id: 'mine', balance: 7 }, { session });
      assert.deepEqual(await accounts.findOne({ _id: 'mine' }, { session }), { _id: 'mine', balance: 7 });
      assert.equal(await accounts.countDocuments({}, { session }), 2);
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    assert.equal(await accounts.countDocuments(), 1);
  });

  it('commits and returns the callback’s value when withTransaction succeeds', async () => {
    const session = ctx.client.startSession();
    try {
      const value = await session.withTransaction(async () => {
        await accounts.insertOne({ _id: 'wt' }, { session });
        return 'done';
      });
      assert.equal(value, 'done');
    } finally {
      await session.endSession();
    }
    assert.equal(await accounts.countDocuments({ _id: 'wt' }), 1);
  });

  it('aborts and rethrows when the withTransaction callback throws', async () => {
    const session = ctx.client.startSession();
    try {
      await assert.rejects(
        session.withTransaction(async () => {
          await accounts.insertOne({ _id: 'doomed' }, { session });
          throw new Error('business rule failed');
        }),
        /business rule failed/,
      );
    } finally {
      await session.endSession();
    }
    assert.equal(await accounts.countDocuments({ _id: 'doomed' }), 0);
  });

  it('retries the whole callback and keeps only the last attempt when the first fails with a transient error', async () => {
    const session = ctx.client.startSession();
    let attempts = 0;
    try {
      await session.withTransaction(async () => {
        attempts += 1;
        await accounts.insertOne({ _id: `attempt-${attempts}` }, { session });
        if (attempts === 1) {
          const transient = new MongoError('simulated write conflict');
          transient.addErrorLabel('TransientTransactionError');
          throw transient;
        }
      });
    } finally {
      await session.endSession();
    }
    assert.equal(attempts, 2);
    assert.equal(await accounts.countDocuments({ _id: 'attempt-1' }), 0);
    assert.equal(await accounts.countDocuments({ _id: 'attempt-2' }), 1);
  });

  it('runs a second transaction on the same session when the first has committed', async () => {
    const session = ctx.client.startSession();
    try {
      session.startTransaction();
      await accounts.insertOne({ _id: 'one' }, { session });
      await session.commitTransaction();
      session.startTransaction();
      await accounts.insertOne({ _id: 'two' }, { session });
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    assert.deepEqual((await accounts.find().sort({ _id: 1 }).toArray()).map((doc) => doc._id), ['one', 'seed']);
  });

  it('rolls back earlier writes when a duplicate key fails inside the transaction', async () => {
    const session = ctx.client.startSession();
    try {
      session.startTransaction();
      await accounts.insertOne({ _id: 'before-dup' }, { session });
      await assert.rejects(accounts.insertOne({ _id: 'seed' }, { session }), { code: 11000 });
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    assert.equal(await accounts.countDocuments({ _id: 'before-dup' }), 0);
  });
});
