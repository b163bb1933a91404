import assert from 'node:assert/strict';
import type { Document } from 'mongodb';
import type { LooseCollection } from './support/conformanceDb.js';
import { useConformanceDb } from './support/conformanceDb.js';

describe('conformance: aggregation reshaping and joins', () => {
  const ctx = useConformanceDb('conf_agg_shape');
  let posts: LooseCollection;
  let users: LooseCollection;

  before(async () => {
    posts = ctx.fresh('posts');
    users = ctx.fresh('users');
    await users.insertMany([
      { _id: 'u1', name: 'Ada', teams: ['t1', 't2'] },
      { _id: 'u2', name: 'Bo', teams: ['t2'] },
      { _id: 'u3', name: 'Cy', teams: [] },
    ]);
    await posts.insertMany([
      { _id: 1, author: 'u1', title: 'First', words: 120, tags: ['a', 'b'] },
      { _id: 2, author: 'u2', title: 'Second', words: 80, tags: [] },
      { _id: 3, author: 'u1', title: 'Third', words: 40, tags: null },
      { _id: 4, author: 'ghost', title: 'Fourth', words: 10 },
      { _id: 5, author: 'u2', title: 'Fifth', words: 5, tags: 'solo' },
    ]);
  });

  const run = (coll: LooseCollection, pipeline: Document[]) => coll.aggregate(pipeline).toArray();

  it('keeps named and computed fields when $project mixes them', async () => {
    const docs = await run(posts, [
      { $match: { _id: 1 } },
      { $project: { title: 1, long: { $gt: ['$words', 100] }, label: { $concat: ['$title', '!'] } } },
    ]);
    assert.deepEqual(docs, [{ _id: 1, title: 'First', long: true, label: 'First!' }]);
  });

  it('drops the named fields when $project excludes them', async () => {
    const docs = await run(posts, [{ $match: { _id: 2 } }, { $project: { tags: 0, words: 0, _id: 0 } }]);
    assert.deepEqual(docs, [{ author: 'u2', title: 'Second' }]);
  });

  it('computes with arithmetic, $cond and $ifNull when $project uses expressions', async () => {
    const docs = await run(posts, [
      { $match: { _id: { $in: [3, 4] } } },
      { $sort: { _id: 1 } },
      {
        $project: {
          _id: 0,
          minutes: { $divide: ['$words', 20] },
          size: { $cond: { if: { $gte: ['$words', 40] }, then: 'big', else: 'small' } },
          tags: { $ifNull: ['$tags', 'none'] },
        },
      },
    ]);
    assert.deepEqual(docs, [
      { minutes: 2, size: 'big', tags: 'none' },
      { minutes: 0.5, size: 'small', tags: 'none' },
    ]);
  });

  it('adds fields and keeps the rest when $addFields is used', async () => {
    const docs = await run(posts, [{ $match: { _id: 2 } }, { $addFields: { double: { $multiply: ['$words', 2] }, 'meta.seen': true } }]);
    assert.deepEqual(docs, [{ _id: 2, author: 'u2', title: 'Second', words: 80, tags: [], double: 160, meta: { seen: true } }]);
  });

  it('behaves like $addFields when $set is used as a stage', async () => {
    const docs = await run(posts, [{ $match: { _id: 4 } }, { $set: { words: { $add: ['$words', 1] } } }, { $project: { words: 1 } }]);
    assert.deepEqual(docs, [{ _id: 4, words: 11 }]);
  });

  it('outputs one document per element when $unwind meets an array', async () => {
    const docs = await run(posts, [{ $match: { _id: 1 } }, { $unwind: '$tags' }, { $project: { tags: 1 } }]);
    assert.deepEqual(docs, [{ _id: 1, tags: 'a' }, { _id: 1, tags: 'b' }]);
  });

  it('drops documents with empty, null or missing arrays but keeps scalars when $unwind runs plainly', async () => {
    const docs = await run(posts, [{ $unwind: '$tags' }, { $sort: { _id: 1, tags: 1 } }, { $project: { tags: 1 } }]);
    assert.deepEqual(docs, [{ _id: 1, tags: 'a' }, { _id: 1, tags: 'b' }, { _id: 5, tags: 'solo' }]);
  });

  it('keeps documents without elements when preserveNullAndEmptyArrays is true', async () => {
    const docs = await run(posts, [{ $unwind: { path: '$tags', preserveNullAndEmptyArrays: true } }, { $sort: { _id: 1, tags: 1 } }, { $project: { tags: 1 } }]);
    assert.deepEqual(docs, [{ _id: 1, tags: 'a' }, { _id: 1, tags: 'b' }, { _id: 2 }, { _id: 3, tags: null }, { _id: 4 }, { _id: 5, tags: 'solo' }]);
  });

  it('records each element’s position when includeArrayIndex is set', async () => {
    const docs = await run(posts, [
      { $match: { _id: { $in: [1, 2, 5] } } },
      { $unwind: { path: '$tags', includeArrayIndex: 'idx', preserveNullAndEmptyArrays: true } },
      { $sort: { _id: 1, idx: 1 } },
      { $project: { tags: 1, idx: 1 } },
    ]);
    assert.deepEqual(docs, [
      { _id: 1, tags: 'a', idx: 0 },
      { _id: 1, tags: 'b', idx: 1 },
      { _id: 2, idx: null },
      { _id: 5, tags: 'solo', idx: null },
    ]);
  });

  it('joins matching documents into an array when $lookup uses localField and foreignField', async () => {
    const docs = await run(posts, [
      { $match: { _id: { $in: [1, 4] } } },
      { $sort: { _id: 1 } },
      { $lookup: { from: users.collectionName, localField: 'author', foreignField: '_id', as: 'who' } },
      { $project: { who: 1 } },
    ]);
    assert.deepEqual(docs, [{ _id: 1, who: [{ _id: 'u1', name: 'Ada', teams: ['t1', 't2'] }] }, { _id: 4, who: [] }]);
  });

  it('matches array elements of the foreign field when $lookup joins on an array', async () => {
    const teams = ctx.fresh('teams');
    await teams.insertMany([{ _id: 't1' }, { _id: 't2' }, { _id: 't3' }]);
    const docs = await run(teams, [
      { $lookup: { from: users.collectionName, localField: '_id', foreignField: 'teams', as: 'members' } },
      { $project: { names: '$members.name' } },
      { $sort: { _id: 1 } },
    ]);
    assert.deepEqual(
      docs.map((doc) => ({ _id: doc._id, names: [...doc.names].sort() })),
      [{ _id: 't1', names: ['Ada'] }, { _id: 't2', names: ['Ada', 'Bo'] }, { _id: 't3', names: [] }],
    );
  });

  it('runs the sub-pipeline with variables when $lookup uses let and pipeline', async () => {
    const docs = await run(users, [
      { $sort: { _id: 1 } },
      {
        $lookup: {
          from: posts.collectionName,
          let: { uid: '$_id' },
          pipeline: [{ $match: { $expr: { $eq: ['$author', '$$uid'] } } }, { $group: { _id: null, words: { $sum: '$words' } } }],
          as: 'stats',
        },
      },
      { $project: { words: { $ifNull: [{ $first: '$stats.words' }, 0] } } },
    ]);
    assert.deepEqual(docs, [{ _id: 'u1', words: 160 }, { _id: 'u2', words: 85 }, { _id: 'u3', words: 0 }]);
  });

  it('reads array sizes and slices when $project uses array expressions', async () => {
    const docs = await run(users, [{ $project: { n: { $size: '$teams' }, firstTeam: { $arrayElemAt: ['$teams', 0] } } }, { $sort: { _id: 1 } }]);
    assert.deepEqual(docs, [{ _id: 'u1', n: 2, firstTeam: 't1' }, { _id: 'u2', n: 1, firstTeam: 't2' }, { _id: 'u3', n: 0 }]);
  });

  it('filters and maps arrays when $project uses $filter and $map', async () => {
    const docs = await run(users, [
      { $match: { _id: 'u1' } },
      { $project: { _id: 0, t2: { $filter: { input: '$teams', cond: { $eq: ['$$this', 't2'] } } }, upper: { $map: { input: '$teams', in: { $toUpper: '$$this' } } } } },
    ]);
    assert.deepEqual(docs, [{ t2: ['t2'], upper: ['T1', 'T2'] }]);
  });

  it('replaces the document when $replaceRoot promotes an embedded document', async () => {
    const docs = await run(users, [{ $match: { _id: 'u2' } }, { $replaceRoot: { newRoot: { who: '$name', at: '$_id' } } }]);
    assert.deepEqual(docs, [{ who: 'Bo', at: 'u2' }]);
  });
});
