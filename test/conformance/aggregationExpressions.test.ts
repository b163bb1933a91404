import assert from 'node:assert/strict';
import { ObjectId } from 'mongodb';
import type { Document } from 'mongodb';
import type { LooseCollection } from './support/conformanceDb.js';
import { useConformanceDb } from './support/conformanceDb.js';

const authorId = new ObjectId('64b7f0c2a1b2c3d4e5f60718');

describe('conformance: aggregation expression operators', () => {
  const ctx = useConformanceDb('conf_agg_expr');
  let coll: LooseCollection;

  before(async () => {
    coll = ctx.fresh();
    await coll.insertOne({
      _id: 1,
      author: authorId,
      title: '  Shelter Update  ',
      tags: ['Red', 'blue'],
      score: 2.456,
      missingish: null,
      meta: { views: 3 },
    });
  });

  async function evaluate(expressions: Document) {
    const [doc] = await coll.aggregate([{ $project: { _id: 0, ...expressions } }]).toArray();
    return doc;
  }

  it('converts an ObjectId to its hex string when $toString is used', async () => {
    assert.deepEqual(await evaluate({ s: { $toString: '$author' } }), { s: authorId.toHexString() });
  });

  it('converts a hex string to an ObjectId when $toObjectId is used', async () => {
    const result = await evaluate({ id: { $toObjectId: authorId.toHexString() } });
    assert.ok(result?.id instanceof ObjectId);
    assert.equal(result.id.toHexString(), authorId.toHexString());
  });

  it('returns null when $concat meets a null or missing argument', async () => {
    assert.deepEqual(await evaluate({ a: { $concat: ['x', '$missingish'] }, b: { $concat: ['x', '$nothing'] } }), { a: null, b: null });
  });

  it('changes case and trims when $toLower, $toUpper and $trim are used', async () => {
    const result = await evaluate({ lower: { $toLower: { $trim: { input: '$title' } } }, upper: { $toUpper: 'abc' } });
    assert.deepEqual(result, { lower: 'shelter update', upper: 'ABC' });
  });

  it('splits and cuts strings when $split and $substrCP are used', async () => {
    const result = await evaluate({ words: { $split: [{ $trim: { input: '$title' } }, ' '] }, head: { $substrCP: ['abcdef', 1, 3] } });
    assert.deepEqual(result, { words: ['Shelter', 'Update'], head: 'bcd' });
  });

  it('tests membership when $in is used as an expression', async () => {
    assert.deepEqual(await evaluate({ hasBlue: { $in: ['blue', '$tags'] }, hasGreen: { $in: ['green', '$tags'] } }), { hasBlue: true, hasGreen: false });
  });

  it('counts a missing array as empty when $size wraps $ifNull', async () => {
    assert.deepEqual(await evaluate({ n: { $size: { $ifNull: ['$nothing', []] } }, m: { $size: '$tags' } }), { n: 0, m: 2 });
  });

  it('picks the first true branch when $switch is used', async () => {
    const branches = [
      { case: { $gt: ['$meta.views', 10] }, then: 'hot' },
      { case: { $gt: ['$meta.views', 1] }, then: 'warm' },
    ];
    assert.deepEqual(await evaluate({ heat: { $switch: { branches, default: 'cold' } } }), { heat: 'warm' });
  });

  it('combines conditions when $cond uses $and and $or', async () => {
    const result = await evaluate({ ok: { $cond: [{ $and: [{ $gt: ['$score', 2] }, { $or: [false, { $eq: ['$meta.views', 3] }] }] }, 'yes', 'no'] } });
    assert.deepEqual(result, { ok: 'yes' });
  });

  it('rounds to the given places when $round is used', async () => {
    assert.deepEqual(await evaluate({ r: { $round: ['$score', 1] }, t: { $trunc: ['$score', 2] } }), { r: 2.5, t: 2.45 });
  });

  it('merges documents left to right when $mergeObjects is used', async () => {
    assert.deepEqual(await evaluate({ m: { $mergeObjects: ['$meta', { views: 4, likes: 1 }] } }), { m: { views: 4, likes: 1 } });
  });

  it('tests a pattern when $regexMatch is used', async () => {
    const result = await evaluate({ a: { $regexMatch: { input: '$title', regex: 'shelter', options: 'i' } }, b: { $regexMatch: { input: '$title', regex: '^x' } } });
    assert.deepEqual(result, { a: true, b: false });
  });

  it('returns a value without evaluating it when $literal is used', async () => {
    assert.deepEqual(await evaluate({ l: { $literal: '$title' } }), { l: '$title' });
  });
});
