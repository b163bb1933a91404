import assert from 'node:assert/strict';
import type { Collection } from 'mongodb';
import mongoose from 'mongoose';
import { looseCollection, useEmbeddedStore, type LooseDoc } from './support/embeddedStore.js';

describe('embedded store: transactions', () => {
  const ctx = useEmbeddedStore('embedded_txn');
  let accounts: Collection<LooseDoc>;

  beforeEach(async () => {
    accounts = looseCollection(ctx.db, 'accounts');
    await accounts.deleteMany({});
    await accounts.insertMany([{ _id: 'a', balance: 100 }, { _id: 'b', balance: 0 }]);
  });

  it('leaves nothing behind when a transaction that inserted, updated and deleted aborts', async () => {
    const session = ctx.client.startSession();
    session.startTransaction();
    await accounts.insertOne({ _id: 'c' }, { session });
    await accounts.updateOne({ _id: 'a' }, { $inc: { balance: -50 } }, { session });
    await accounts.deleteOne({ _id: 'b' }, { session });
    await session.abortTransaction();
    await session.endSession();
    assert.deepEqual(await accounts.find().sort({ _id: 1 }).toArray(), [{ _id: 'a', balance: 100 }, { _id: 'b', balance: 0 }]);
  });

  it('makes a second transaction wait until the first commits when both run at once', async () => {
    const first = ctx.client.startSession();
    const second = ctx.client.startSession();
    first.startTransaction();
    await accounts.updateOne({ _id: 'a' }, { $set: { balance: 1 } }, { session: first });
    second.startTransaction();
    let secondSaw: unknown;
    const secondRun = accounts.findOne({ _id: 'a' }, { session: second }).then((doc) => (secondSaw = doc?.balance));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(secondSaw, undefined, 'the second transaction is still waiting');
    await first.commitTransaction();
    await secondRun;
    assert.equal(secondSaw, 1);
    await second.commitTransaction();
    await Promise.all([first.endSession(), second.endSession()]);
  });

  it('makes an outside write to the same collection wait for the commit when a transaction changed it', async () => {
    const session = ctx.client.startSession();
    session.startTransaction();
    await accounts.updateOne({ _id: 'a' }, { $inc: { balance: 10 } }, { session });
    const outside = accounts.updateOne({ _id: 'a' }, { $inc: { balance: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal((await accounts.findOne({ _id: 'a' }))?.balance, 100, 'outside readers see the committed value');
    await session.commitTransaction();
    await outside;
    await session.endSession();
    assert.equal((await accounts.findOne({ _id: 'a' }))?.balance, 111);
  });

  it('commits through mongoose when connection.transaction runs the writes', async () => {
    const connection = await mongoose.createConnection(`${ctx.store.uri}embedded_txn`).asPromise();
    try {
      const Account = connection.model('Account', new mongoose.Schema({ _id: String, balance: Number }), 'accounts');
      await connection.transaction(async (session) => {
        await Account.updateOne({ _id: 'a' }, { $inc: { balance: -30 } }, { session });
        await Account.updateOne({ _id: 'b' }, { $inc: { balance: 30 } }, { session });
      });
      await assert.rejects(
        connection.transaction(async (session) => {
          await Account.updateOne({ _id: 'a' }, { $inc: { balance: -30 } }, { session });
          throw new Error('rolled back');
        }),
        /rolled back/,
      );
      const balances = (await Account.find().sort({ _id: 1 }).lean()).map((doc) => doc.balance);
      assert.deepEqual(balances, [70, 30]);
    } finally {
      await connection.close();
    }
  });
});
