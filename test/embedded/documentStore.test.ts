import assert from 'node:assert/strict';
import { Decimal128, Double, Long, ObjectId } from 'bson';
import { DocumentStore } from '../../server/db/embedded/engine/documentStore.js';
import { valueKey } from '../../server/db/embedded/engine/values.js';

describe('embedded store: documents held as BSON bytes', () => {
  it('reads back every numeric type and nested value as written when a document is stored', () => {
    const store = new DocumentStore();
    const _id = new ObjectId();
    const doc = { _id, int: 7, fraction: 1.5, whole: new Double(2), long: Long.fromString('9007199254740993'), dec: Decimal128.fromString('0.1'), at: new Date(5), nested: { list: [1, 'a', null] } };
    store.set(valueKey(_id), doc);
    const read = store.get(valueKey(_id))!;
    assert.deepEqual(read, doc);
    assert.ok(read.whole instanceof Double);
    assert.ok(read.long instanceof Long);
  });

  it('returns an independent copy when a caller mutates what it read', () => {
    const store = new DocumentStore();
    store.set('k', { _id: 1, tags: ['a'] });
    (store.get('k')!.tags as string[]).push('b');
    assert.deepEqual(store.get('k'), { _id: 1, tags: ['a'] });
  });

  it('keeps the latest image of every document when updates and deletes trigger compaction', () => {
    const store = new DocumentStore();
    const filler = 'x'.repeat(2000);
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 500; i++) store.set(`d${i}`, { _id: i, round, filler });
    }
    for (let i = 0; i < 500; i += 2) assert.equal(store.delete(`d${i}`), true);
    assert.equal(store.size, 250);
    assert.equal(store.delete('d0'), false);
    for (const [id, doc] of store) {
      assert.equal(id, `d${doc._id as number}`);
      assert.equal(doc.round, 9);
      assert.equal((doc._id as number) % 2, 1);
    }
  });

  it('stores a document larger than one slab when it exceeds the slab size', () => {
    const store = new DocumentStore();
    store.set('small', { _id: 'small' });
    store.set('big', { _id: 'big', text: 'y'.repeat(3 * 1024 * 1024) });
    assert.equal((store.get('big')!.text as string).length, 3 * 1024 * 1024);
    assert.deepEqual(store.get('small'), { _id: 'small' });
  });
});
