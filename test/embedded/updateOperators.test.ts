import assert from 'node:assert/strict';
import { applyUpdate, buildUpsert } from '../../server/db/embedded/update/apply.js';

const update = (doc: Record<string, unknown>, spec: Record<string, unknown>, extra: { filter?: Record<string, unknown>; arrayFilters?: Record<string, unknown>[] } = {}) =>
  applyUpdate(doc, spec, { filter: extra.filter ?? {}, arrayFilters: extra.arrayFilters, isInsert: false });

describe('embedded store: update operators', () => {
  it('reports no change when $set writes the value already stored', () => {
    assert.equal(update({ _id: 1, a: 1 }, { $set: { a: 1 } }).changed, false);
    assert.equal(update({ _id: 1, a: 1 }, { $set: { a: 2 } }).changed, true);
  });

  it('never mutates the stored document when an update applies', () => {
    const stored = { _id: 1, tags: ['a'], nested: { n: 1 } };
    update(stored, { $push: { tags: 'b' }, $inc: { 'nested.n': 1 } });
    assert.deepEqual(stored, { _id: 1, tags: ['a'], nested: { n: 1 } });
  });

  it('inserts, sorts and trims when $push has $each, $position, $sort and $slice', () => {
    const { doc } = update({ _id: 1, s: [5, 1] }, { $push: { s: { $each: [3, 9], $position: 0, $sort: -1, $slice: 3 } } });
    assert.deepEqual(doc.s, [9, 5, 3]);
  });

  it('updates only the elements an identifier selects when arrayFilters are given', () => {
    const { doc } = update({ _id: 1, grades: [80, 95, 100] }, { $set: { 'grades.$[high]': 0 } }, { arrayFilters: [{ high: { $gte: 95 } }] });
    assert.deepEqual(doc.grades, [80, 0, 0]);
  });

  it('updates the element the query matched when the positional $ is used', () => {
    const { doc } = update({ _id: 1, items: [{ k: 'a', n: 1 }, { k: 'b', n: 1 }] }, { $inc: { 'items.$.n': 5 } }, { filter: { 'items.k': 'b' } });
    assert.deepEqual(doc.items, [{ k: 'a', n: 1 }, { k: 'b', n: 6 }]);
  });

  it('seeds an upsert from the equality fields and applies $setOnInsert when nothing matched', () => {
    const doc = buildUpsert({ slug: 'x', n: { $gt: 1 } }, { $setOnInsert: { created: true }, $inc: { hits: 1 } }, { filter: {} });
    assert.deepEqual(doc, { slug: 'x', created: true, hits: 1 });
  });

  it('refuses to change _id when an update would modify it', () => {
    assert.throws(() => update({ _id: 1 }, { $set: { _id: 2 } }), { code: 66 });
  });

  it('names the modifier when it is unknown', () => {
    assert.throws(() => update({ _id: 1 }, { $frob: { a: 1 } }), /\$frob/);
  });
});
