import assert from 'node:assert/strict';
import type { LooseCollection } from './support/conformanceDb.js';
import { idsMatching, useConformanceDb } from './support/conformanceDb.js';

const fixtures = [
  { _id: 1, name: 'alpha', qty: 5, tags: ['red', 'blue'], size: { h: 10, w: 20 }, items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 5 }] },
  { _id: 2, name: 'Beta', qty: 15, tags: ['blue'], size: { h: 5, w: 5 }, items: [{ sku: 'a', qty: 10 }] },
  { _id: 3, name: 'gamma', qty: null, tags: [], scores: [10, 25] },
  { _id: 4, name: 'delta\nsecond line', scores: [82, 85, 88] },
  { _id: 5, name: 'epsilon', qty: 25, tags: ['red', 'green', 'blue'], size: { h: 1, w: 1 } },
];

describe('conformance: query operators', () => {
  const ctx = useConformanceDb('conf_query');
  let coll: LooseCollection;

  before(async () => {
    coll = ctx.fresh();
    await coll.insertMany(fixtures);
  });

  const cases: Array<[string, Record<string, unknown>, number[]]> = [
    ['matches the exact value when $eq is used', { qty: { $eq: 5 } }, [1]],
    ['matches any array element when an implicit equality meets an array', { tags: 'red' }, [1, 5]],
    ['matches the whole array in order when equality is given an array', { tags: ['blue'] }, [2]],
    ['matches nothing when the equality array has a different order', { tags: ['blue', 'red'] }, []],
    ['includes null and missing fields when $ne is used', { qty: { $ne: 5 } }, [2, 3, 4, 5]],
    ['excludes null and missing fields when $gt is used', { qty: { $gt: 5 } }, [2, 5]],
    ['includes the bound when $gte is used', { qty: { $gte: 5 } }, [1, 2, 5]],
    ['matches values below the bound when $lt is used', { qty: { $lt: 15 } }, [1]],
    ['includes the bound when $lte is used', { qty: { $lte: 15 } }, [1, 2]],
    ['matches any listed value when $in is used', { qty: { $in: [5, 25] } }, [1, 5]],
    ['matches null and missing when $in lists null', { qty: { $in: [null] } }, [3, 4]],
    ['mixes regexes and values when $in lists both', { name: { $in: [/^al/, 'gamma'] } }, [1, 3]],
    ['matches arrays sharing an element when $in meets an array field', { tags: { $in: ['green', 'nothing'] } }, [5]],
    ['matches missing fields too when $nin is used', { qty: { $nin: [5, 15] } }, [3, 4, 5]],
    ['requires every clause when $and is used', { $and: [{ tags: 'blue' }, { qty: { $gt: 10 } }] }, [2, 5]],
    ['accepts any clause when $or is used', { $or: [{ qty: 5 }, { name: 'gamma' }] }, [1, 3]],
    ['rejects every clause when $nor is used', { $nor: [{ qty: 5 }, { tags: 'blue' }] }, [3, 4]],
    ['includes missing fields when $not negates a comparison', { qty: { $not: { $gt: 10 } } }, [1, 3, 4]],
    ['negates a regex when $not wraps one', { name: { $not: /a$/ } }, [4, 5]],
    ['counts null as present when $exists is true', { qty: { $exists: true } }, [1, 2, 3, 5]],
    ['matches only absent fields when $exists is false', { qty: { $exists: false } }, [4]],
    ['matches null and missing when the filter asks for null', { qty: null }, [3, 4]],
    ['matches only stored nulls when $type is null', { qty: { $type: 'null' } }, [3]],
    ['accepts a type number when $type is given 10', { qty: { $type: 10 } }, [3]],
    ['matches array fields when $type is array', { tags: { $type: 'array' } }, [1, 2, 3, 5]],
    ['matches any numeric type when $type is number', { qty: { $type: 'number' } }, [1, 2, 5]],
    ['matches any listed type when $type is given several', { qty: { $type: ['null', 'string'] } }, [3]],
    ['is case-sensitive when a regex has no options', { name: /^beta/ }, []],
    ['ignores case when the regex has the i option', { name: /^beta/i }, [2]],
    ['ignores case when $options is i', { name: { $regex: '^BETA', $options: 'i' } }, [2]],
    ['anchors at line starts when $options is m', { name: { $regex: '^second', $options: 'm' } }, [4]],
    ['matches a single element against all conditions when $elemMatch is used', { items: { $elemMatch: { sku: 'a', qty: { $gte: 5 } } } }, [2]],
    ['lets different elements meet different conditions when dotted paths are used', { 'items.sku': 'a', 'items.qty': { $gte: 5 } }, [1, 2]],
    ['applies ranges to one scalar element when $elemMatch is used on numbers', { scores: { $elemMatch: { $gte: 80, $lt: 85 } } }, [4]],
    ['lets different elements satisfy each bound when a range meets an array', { scores: { $gt: 15, $lt: 20 } }, [3]],
    ['matches the array length when $size is used', { tags: { $size: 2 } }, [1]],
    ['matches empty arrays when $size is 0', { tags: { $size: 0 } }, [3]],
    ['requires every listed element when $all is used', { tags: { $all: ['red', 'blue'] } }, [1, 5]],
    ['matches remainders when $mod is used', { qty: { $mod: [10, 5] } }, [1, 2, 5]],
    ['reaches into embedded documents when the path is dotted', { 'size.h': { $gt: 6 } }, [1]],
    ['reaches into arrays of documents when the path is dotted', { 'items.qty': 10 }, [2]],
    ['addresses an array position when the path has an index', { 'tags.0': 'red' }, [1, 5]],
    ['compares two fields when $expr is used', { $expr: { $gt: ['$size.w', '$size.h'] } }, [1]],
    ['matches an embedded document exactly when equality is given a document', { size: { h: 5, w: 5 } }, [2]],
    ['matches nothing when the embedded document fields are in another order', { size: { w: 5, h: 5 } }, []],
  ];

  for (const [title, filter, expected] of cases) {
    it(title, async () => {
      assert.deepEqual(await idsMatching(coll, filter), expected);
    });
  }
});
