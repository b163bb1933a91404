import assert from 'node:assert/strict';
import type { Document } from 'mongodb';
import type { LooseCollection } from './support/conformanceDb.js';
import { rejectsWithCode, useConformanceDb } from './support/conformanceDb.js';

const posts = [
  { _id: 1, title: 'Shelter funding announced', body: 'New grants for the shelters in the region.', kind: 'news' },
  { _id: 2, title: 'Training recap', body: 'Human trafficking indicators for patrol officers.', kind: 'event' },
  { _id: 3, title: 'Café meetup', body: 'Coffee with the victim services team.', kind: 'event' },
  { _id: 4, title: 'Trafficking of humans', body: 'A report on labor exploitation and funding gaps.', kind: 'news' },
  { _id: 5, title: 'SHELTER Capacity', body: 'Beds available this week.', kind: 'news' },
];

describe('conformance: text indexes and $text', () => {
  const ctx = useConformanceDb('conf_text');
  let coll: LooseCollection;

  before(async () => {
    coll = ctx.fresh();
    await coll.createIndex({ title: 'text', body: 'text' }, { weights: { title: 10, body: 1 }, name: 'posts_text' });
    await coll.insertMany(posts);
  });

  async function search(text: string | Document, extra: Document = {}) {
    const query = typeof text === 'string' ? { $search: text } : text;
    const filter: Document = { $text: query, ...extra };
    const docs = await coll.find(filter, { projection: { _id: 1 } }).sort({ _id: 1 }).toArray();
    return docs.map((doc) => doc._id);
  }

  it('describes the index with _fts keys and weights when listIndexes shows a text index', async () => {
    const index = (await coll.listIndexes().toArray()).find((candidate) => candidate.name === 'posts_text');
    assert.deepEqual(index?.key, { _fts: 'text', _ftsx: 1 });
    assert.deepEqual(index?.weights, { title: 10, body: 1 });
  });

  it('ignores case when searching a word', async () => {
    assert.deepEqual(await search('SHELTER'), [1, 5]);
  });

  it('matches other forms of the word when English stemming applies', async () => {
    assert.deepEqual(await search('shelters'), [1, 5]);
  });

  it('ignores diacritics when the query or the text has accents', async () => {
    assert.deepEqual(await search('cafe'), [3]);
    assert.deepEqual(await search('coffée'), [3]);
  });

  it('matches any of the words when the query has several terms', async () => {
    assert.deepEqual(await search('beds coffee'), [3, 5]);
  });

  it('requires the exact phrase when the query quotes it', async () => {
    assert.deepEqual(await search('"human trafficking"'), [2]);
  });

  it('excludes documents with the negated word when a term starts with a minus', async () => {
    assert.deepEqual(await search('trafficking -funding'), [2]);
  });

  it('matches nothing when the query has only stop words', async () => {
    assert.deepEqual(await search('the and for'), []);
  });

  it('combines with other conditions when the filter has more fields', async () => {
    assert.deepEqual(await search('funding', { kind: 'news' }), [1, 4]);
    assert.deepEqual(await search('trafficking', { kind: 'event' }), [2]);
  });

  it('distinguishes case when $caseSensitive is true', async () => {
    assert.deepEqual(await search({ $search: 'SHELTER', $caseSensitive: true }), [5]);
  });

  it('ranks title matches first when sorting by textScore with heavier title weight', async () => {
    const docs = await coll
      .find({ $text: { $search: 'funding' } }, { projection: { score: { $meta: 'textScore' } } })
      .sort({ score: { $meta: 'textScore' } })
      .toArray();
    assert.deepEqual(docs.map((doc) => doc._id), [1, 4]);
    assert.ok(docs[0]?.score > docs[1]?.score);
    assert.ok(docs.every((doc) => typeof doc.score === 'number' && doc.score > 0));
  });

  it('exposes the score when an aggregation projects textScore', async () => {
    const docs = await coll
      .aggregate([{ $match: { $text: { $search: 'shelter' } } }, { $project: { score: { $meta: 'textScore' } } }, { $sort: { score: -1, _id: 1 } }])
      .toArray();
    assert.equal(docs.length, 2);
    assert.ok(docs.every((doc) => doc.score > 0));
  });

  it('keeps stop words and skips stemming when the index language is none', async () => {
    const plain = ctx.fresh();
    await plain.createIndex({ body: 'text' }, { default_language: 'none' });
    await plain.insertMany([{ _id: 1, body: 'the shelters' }, { _id: 2, body: 'one shelter' }]);
    const find = async (text: string) => (await plain.find({ $text: { $search: text } }).sort({ _id: 1 }).toArray()).map((doc) => doc._id);
    assert.deepEqual(await find('the'), [1]);
    assert.deepEqual(await find('shelter'), [2]);
  });

  it('fails with IndexNotFound when $text runs on a collection without a text index', async () => {
    const bare = ctx.fresh();
    await bare.insertOne({ body: 'words' });
    await rejectsWithCode(bare.find({ $text: { $search: 'words' } }).toArray(), 27);
  });
});
