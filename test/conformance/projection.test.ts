import assert from 'node:assert/strict';
import type { Document } from 'mongodb';
import type { LooseCollection } from './support/conformanceDb.js';
import { useConformanceDb } from './support/conformanceDb.js';

const post = {
  _id: 1,
  title: 'Hello',
  secret: 'hidden',
  author: { name: 'Ada', email: 'ada@example.org' },
  tags: ['a', 'b', 'c', 'd', 'e'],
  comments: [
    { by: 'x', votes: 1 },
    { by: 'y', votes: 7 },
    { by: 'z', votes: 9 },
  ],
};

describe('conformance: projections', () => {
  const ctx = useConformanceDb('conf_projection');
  let coll: LooseCollection;

  before(async () => {
    coll = ctx.fresh();
    await coll.insertOne(post);
  });

  async function project(projection: Document, filter: Document = { _id: 1 }) {
    return coll.findOne(filter, { projection });
  }

  it('returns _id and the named fields when the projection includes fields', async () => {
    assert.deepEqual(await project({ title: 1 }), { _id: 1, title: 'Hello' });
  });

  it('omits _id when an inclusion projection sets _id to 0', async () => {
    assert.deepEqual(await project({ title: 1, _id: 0 }), { title: 'Hello' });
  });

  it('returns everything else when the projection excludes fields', async () => {
    const { secret: _secret, comments: _comments, ...rest } = post;
    assert.deepEqual(await project({ secret: 0, comments: 0 }), rest);
  });

  it('returns only the document without _id when the projection only excludes _id', async () => {
    const result = await project({ _id: 0 });
    assert.equal(result?._id, undefined);
    assert.equal(result?.title, 'Hello');
  });

  it('keeps the embedded document around the field when a dotted path is included', async () => {
    assert.deepEqual(await project({ 'author.name': 1, _id: 0 }), { author: { name: 'Ada' } });
  });

  it('removes one embedded field when a dotted path is excluded', async () => {
    const result = await project({ 'author.email': 0 });
    assert.deepEqual(result?.author, { name: 'Ada' });
    assert.equal(result?.title, 'Hello');
  });

  it('projects the field out of every element when a dotted path crosses an array', async () => {
    assert.deepEqual(await project({ 'comments.by': 1, _id: 0 }), { comments: [{ by: 'x' }, { by: 'y' }, { by: 'z' }] });
  });

  it('omits fields the document does not have when they are included', async () => {
    assert.deepEqual(await project({ title: 1, nothing: 1 }), { _id: 1, title: 'Hello' });
  });

  it('returns the first elements and all other fields when $slice is positive', async () => {
    const result = await project({ tags: { $slice: 2 } });
    assert.deepEqual(result?.tags, ['a', 'b']);
    assert.equal(result?.secret, 'hidden');
  });

  it('returns the last elements when $slice is negative', async () => {
    assert.deepEqual((await project({ tags: { $slice: -2 } }))?.tags, ['d', 'e']);
  });

  it('skips then limits when $slice is given [skip, limit]', async () => {
    assert.deepEqual((await project({ tags: { $slice: [1, 3] } }))?.tags, ['b', 'c', 'd']);
  });

  it('combines with an inclusion when $slice appears beside included fields', async () => {
    assert.deepEqual(await project({ title: 1, tags: { $slice: 1 } }), { _id: 1, title: 'Hello', tags: ['a'] });
  });

  it('returns only the first matching element when $elemMatch projects an array', async () => {
    const result = await project({ comments: { $elemMatch: { votes: { $gt: 5 } } } });
    assert.deepEqual(result, { _id: 1, comments: [{ by: 'y', votes: 7 }] });
  });

  it('omits the array when $elemMatch projection matches no element', async () => {
    assert.deepEqual(await project({ comments: { $elemMatch: { votes: 100 } } }), { _id: 1 });
  });

  it('returns the element the query matched when the positional $ projection is used', async () => {
    const result = await project({ 'comments.$': 1 }, { 'comments.by': 'z' });
    assert.deepEqual(result, { _id: 1, comments: [{ by: 'z', votes: 9 }] });
  });

  it('fails naming the field when inclusion and exclusion are mixed', async () => {
    await assert.rejects(project({ title: 1, secret: 0 }), (error: Error) => /secret|title/.test(error.message));
  });

  it('applies the projection to every document when find returns many', async () => {
    const many = ctx.fresh();
    await many.insertMany([{ a: 1, b: 1 }, { a: 2, b: 2 }]);
    const docs = await many.find({}, { projection: { _id: 0, b: 1 } }).sort({ b: 1 }).toArray();
    assert.deepEqual(docs, [{ b: 1 }, { b: 2 }]);
  });
});
