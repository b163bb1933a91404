import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import type { Connection, Model, Types } from 'mongoose';
import { conformanceUri } from './support/conformanceDb.js';

interface Author {
  name: string;
  email: string;
}
interface Article {
  title: string;
  author: Types.ObjectId;
  views: number;
}

describe('conformance: mongoose on the harness database', () => {
  let connection: Connection;
  let Authors: Model<Author>;
  let Articles: Model<Article>;

  before(async () => {
    connection = await mongoose.createConnection(conformanceUri(), { dbName: 'conf_mongoose' }).asPromise();
    await connection.dropDatabase();
    Authors = connection.model<Author>('Author', new mongoose.Schema<Author>({ name: { type: String, required: true }, email: { type: String, unique: true } }));
    Articles = connection.model<Article>(
      'Article',
      new mongoose.Schema<Article>({ title: String, author: { type: mongoose.Schema.Types.ObjectId, ref: 'Author' }, views: { type: Number, default: 0 } }, { timestamps: true }),
    );
    await Authors.init();
    await Articles.init();
  });

  beforeEach(async () => {
    await Authors.deleteMany({});
    await Articles.deleteMany({});
  });

  after(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('applies defaults and timestamps when a created document is read back by id', async () => {
    const created = await Articles.create({ title: 'Hello', author: new mongoose.Types.ObjectId() });
    const found = await Articles.findById(created._id);
    assert.equal(found?.title, 'Hello');
    assert.equal(found?.views, 0);
    assert.ok(found?.get('createdAt') instanceof Date);
  });

  it('returns plain objects when the query is lean', async () => {
    await Articles.create({ title: 'Lean', author: new mongoose.Types.ObjectId() });
    const doc = await Articles.findOne({ title: 'Lean' }).lean();
    assert.ok(doc);
    assert.equal(doc instanceof mongoose.Document, false);
    assert.equal(doc.title, 'Lean');
  });

  it('fills the referenced document when populate follows a ref', async () => {
    const author = await Authors.create({ name: 'Ada', email: 'ada@example.org' });
    await Articles.create({ title: 'Joined', author: author._id });
    const article = await Articles.findOne({ title: 'Joined' }).populate<{ author: Author }>('author').lean();
    assert.equal(article?.author.name, 'Ada');
  });

  it('rejects a missing required field before writing when validation fails', async () => {
    await assert.rejects(Authors.create({ email: 'nobody@example.org' }), mongoose.Error.ValidationError);
    assert.equal(await Authors.countDocuments(), 0);
  });

  it('surfaces the unique index as a duplicate key error when two documents share the value', async () => {
    await Authors.create({ name: 'A', email: 'same@example.org' });
    await assert.rejects(Authors.create({ name: 'B', email: 'same@example.org' }), { code: 11000, keyValue: { email: 'same@example.org' } });
  });

  it('returns the updated document when findOneAndUpdate asks for the document after and upserts', async () => {
    const author = new mongoose.Types.ObjectId();
    const doc = await Articles.findOneAndUpdate({ title: 'Counted' }, { $inc: { views: 1 }, $setOnInsert: { author } }, { returnDocument: 'after', upsert: true });
    assert.equal(doc?.views, 1);
    const again = await Articles.findOneAndUpdate({ title: 'Counted' }, { $inc: { views: 1 } }, { returnDocument: 'after' });
    assert.equal(again?.views, 2);
  });

  it('commits the callback’s writes when connection.transaction succeeds', async () => {
    await connection.transaction(async (session) => {
      await Authors.create([{ name: 'Tx', email: 'tx@example.org' }], { session });
    });
    assert.equal(await Authors.countDocuments({ name: 'Tx' }), 1);
  });

  it('rolls back the callback’s writes when connection.transaction throws', async () => {
    await assert.rejects(
      connection.transaction(async (session) => {
        await Authors.create([{ name: 'Rolled', email: 'rolled@example.org' }], { session });
        throw new Error('stop');
      }),
      /stop/,
    );
    assert.equal(await Authors.countDocuments({ name: 'Rolled' }), 0);
  });

  it('commits when session.withTransaction runs mongoose writes', async () => {
    const session = await connection.startSession();
    try {
      await session.withTransaction(async () => {
        await Authors.create([{ name: 'Wt', email: 'wt@example.org' }], { session });
        await Articles.updateOne({ title: 'none' }, { $set: { views: 1 } }, { session, upsert: true });
      });
    } finally {
      await session.endSession();
    }
    assert.equal(await Authors.countDocuments({ name: 'Wt' }), 1);
    assert.equal(await Articles.countDocuments({ title: 'none' }), 1);
  });

  it('streams every document when a query cursor iterates with a small batch size', async () => {
    const author = new mongoose.Types.ObjectId();
    await Articles.insertMany(Array.from({ length: 45 }, (_, i) => ({ title: `t${String(i).padStart(2, '0')}`, author })));
    const titles: string[] = [];
    for await (const doc of Articles.find().sort({ title: 1 }).batchSize(10).cursor()) titles.push(doc.title);
    assert.equal(titles.length, 45);
    assert.equal(titles[44], 't44');
  });

  it('groups through the driver when Model.aggregate runs', async () => {
    const author = new mongoose.Types.ObjectId();
    await Articles.insertMany([{ title: 'a', author, views: 3 }, { title: 'b', author, views: 4 }]);
    const [total] = await Articles.aggregate<{ views: number }>([{ $group: { _id: '$author', views: { $sum: '$views' } } }]);
    assert.equal(total?.views, 7);
  });

  it('applies every operation when Model.bulkWrite mixes them', async () => {
    const author = new mongoose.Types.ObjectId();
    await Articles.create({ title: 'keep', author });
    const result = await Articles.bulkWrite([
      { insertOne: { document: { title: 'added', author, views: 0 } } },
      { updateOne: { filter: { title: 'keep' }, update: { $set: { views: 9 } } } },
    ]);
    assert.equal(result.insertedCount, 1);
    assert.equal(result.modifiedCount, 1);
    assert.equal((await Articles.findOne({ title: 'keep' }).lean())?.views, 9);
  });

  it('sets createdAt once and moves updatedAt when timestamped documents are upserted then updated', async () => {
    const author = new mongoose.Types.ObjectId();
    await Articles.updateOne({ title: 'stamped' }, { $set: { author } }, { upsert: true });
    const created = await Articles.findOne({ title: 'stamped' }).lean();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await Articles.updateOne({ title: 'stamped' }, { $inc: { views: 1 } });
    const updated = await Articles.findOne({ title: 'stamped' }).lean();
    const stamps = (doc: unknown) => doc as { createdAt: Date; updatedAt: Date };
    assert.ok(stamps(created).createdAt instanceof Date);
    assert.equal(stamps(updated).createdAt.getTime(), stamps(created).createdAt.getTime());
    assert.ok(stamps(updated).updatedAt.getTime() > stamps(created).updatedAt.getTime());
  });

  it('answers exists with the id or null when Model.exists runs', async () => {
    const doc = await Authors.create({ name: 'Here', email: 'here@example.org' });
    assert.equal(String((await Authors.exists({ name: 'Here' }))?._id), String(doc._id));
    assert.equal(await Authors.exists({ name: 'Gone' }), null);
  });

  it('returns each value once when Model.distinct runs', async () => {
    const author = new mongoose.Types.ObjectId();
    await Articles.insertMany([{ title: 'x', author, views: 1 }, { title: 'y', author, views: 1 }, { title: 'z', author, views: 2 }]);
    assert.deepEqual([...(await Articles.distinct('views'))].sort(), [1, 2]);
  });

  it('visits every document when a cursor runs eachAsync', async () => {
    const author = new mongoose.Types.ObjectId();
    await Articles.insertMany(Array.from({ length: 25 }, (_, i) => ({ title: `e${i}`, author, views: i })));
    let total = 0;
    await Articles.find().batchSize(4).cursor().eachAsync((doc) => {
      total += doc.views;
    });
    assert.equal(total, (24 * 25) / 2);
  });

  it('creates the schema’s indexes when syncIndexes runs', async () => {
    await Authors.syncIndexes();
    const names = (await Authors.collection.listIndexes().toArray()).map((index) => index.name).sort();
    assert.deepEqual(names, ['_id_', 'email_1']);
  });
});
