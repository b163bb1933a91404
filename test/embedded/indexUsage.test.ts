import assert from 'node:assert/strict';
import type { Collection, Document } from 'mongodb';
import { looseCollection, type LooseDoc } from './support/embeddedStore.js';
import { useEmbeddedStore } from './support/embeddedStore.js';

interface Explained {
  queryPlanner: { winningPlan: { stage: string; inputStage?: { stage: string; indexName?: string } } };
  executionStats: { nReturned: number; totalDocsExamined: number; totalKeysExamined: number };
}

describe('embedded store: secondary indexes serve queries without scanning', () => {
  const ctx = useEmbeddedStore('embedded_index_usage');
  let items: Collection<LooseDoc>;
  const total = 2000;

  before(async () => {
    items = looseCollection(ctx.db, 'items');
    await items.insertMany(Array.from({ length: total }, (_, i) => ({ _id: i, sku: `sku-${i}`, price: i % 500, forum: i % 20, at: new Date(1_700_000_000_000 + i * 1000), plain: i })));
    await items.createIndex({ sku: 1 }, { unique: true });
    await items.createIndex({ price: 1 });
    await items.createIndex({ forum: 1, at: -1 });
  });

  const explain = (filter: Document, options: { sort?: Document; limit?: number } = {}) =>
    items.find(filter, options).explain('executionStats') as unknown as Promise<Explained>;
  const indexName = (plan: Explained) => plan.queryPlanner.winningPlan.inputStage?.indexName;

  it('examines one document when an equality filter hits a unique index', async () => {
    const plan = await explain({ sku: 'sku-1234' });
    assert.equal(indexName(plan), 'sku_1');
    assert.equal(plan.executionStats.totalDocsExamined, 1);
    assert.deepEqual(await items.find({ sku: 'sku-1234' }).toArray(), [await items.findOne({ _id: 1234 })]);
  });

  it('examines only the listed keys when $in is used on an indexed field', async () => {
    const plan = await explain({ sku: { $in: ['sku-1', 'sku-2', 'sku-missing'] } });
    assert.equal(indexName(plan), 'sku_1');
    assert.equal(plan.executionStats.totalDocsExamined, 2);
    assert.equal(plan.executionStats.nReturned, 2);
  });

  it('examines only documents inside the bounds when a range hits an index', async () => {
    const plan = await explain({ price: { $gte: 10, $lt: 12 } });
    assert.equal(indexName(plan), 'price_1');
    assert.equal(plan.executionStats.totalDocsExamined, 8);
    const prices = (await items.find({ price: { $gte: 10, $lt: 12 } }).toArray()).map((d) => d.price);
    assert.deepEqual([...new Set(prices)].sort(), [10, 11]);
  });

  it('reads the index in order and stops at the limit when the sort matches a compound index', async () => {
    const plan = await explain({ forum: 3 }, { sort: { at: -1 }, limit: 5 });
    assert.equal(indexName(plan), 'forum_1_at_-1');
    assert.equal(plan.executionStats.totalDocsExamined, 5);
    const docs = await items.find({ forum: 3 }).sort({ at: -1 }).limit(5).toArray();
    assert.deepEqual(docs.map((d) => d._id), [1983, 1963, 1943, 1923, 1903]);
  });

  it('walks an index backwards when the sort is the reverse of the index order', async () => {
    const docs = await items.find({ forum: 3 }).sort({ at: 1 }).limit(3).toArray();
    assert.deepEqual(docs.map((d) => d._id), [3, 23, 43]);
    assert.equal((await explain({ forum: 3 }, { sort: { at: 1 }, limit: 3 })).executionStats.totalDocsExamined, 3);
  });

  it('uses an index for a sort alone when no filter narrows the query', async () => {
    const plan = await explain({}, { sort: { sku: 1 }, limit: 2 });
    assert.equal(indexName(plan), 'sku_1');
    assert.equal(plan.executionStats.totalDocsExamined, 2);
  });

  it('scans the collection when no index covers the filter', async () => {
    const plan = await explain({ plain: 7 });
    assert.equal(plan.queryPlanner.winningPlan.stage, 'COLLSCAN');
    assert.equal(plan.executionStats.totalDocsExamined, total);
  });

  it('keeps index answers correct when documents change after indexing', async () => {
    await items.updateOne({ _id: 5 }, { $set: { price: 777 } });
    await items.deleteOne({ _id: 6 });
    await items.insertOne({ _id: 'new', sku: 'sku-new', price: 777, forum: 0, at: new Date() });
    const ids = (await items.find({ price: 777 }).toArray()).map((d) => d._id);
    assert.deepEqual(ids.sort(), [5, 'new'].sort());
    assert.equal(await items.countDocuments({ price: 6 }), 3);
  });
});

describe('embedded store: ranges and sorts on _id use the _id order', () => {
  const ctx = useEmbeddedStore('embedded_id_order');

  it('pages by _id without scanning when a range and a sort on _id are combined', async () => {
    const coll = looseCollection(ctx.db, 'paged');
    await coll.insertMany(Array.from({ length: 500 }, (_, i) => ({ _id: i, n: i })));
    await coll.deleteOne({ _id: 480 });
    const page = await coll.find({ _id: { $lt: 490 } }).sort({ _id: -1 }).limit(10).toArray();
    assert.deepEqual(page.map((d) => d._id), [489, 488, 487, 486, 485, 484, 483, 482, 481, 479]);
    const plan = (await coll.find({ _id: { $lt: 490 } }).sort({ _id: -1 }).limit(10).explain('executionStats')) as unknown as Explained;
    assert.equal(plan.executionStats.totalDocsExamined, 10);
    await coll.insertOne({ _id: 1000, n: 1000 });
    assert.equal((await coll.find().sort({ _id: -1 }).limit(1).toArray())[0]._id, 1000);
  });
});
