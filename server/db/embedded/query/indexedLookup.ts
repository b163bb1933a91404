import { Context } from 'mingo/core';
import type { Iterator } from 'mingo/lazy';
import { $lookup as mingoLookup } from 'mingo/operators/pipeline';
import type { Options } from 'mingo/types';
import { resolve } from 'mingo/util';
import type { Collection } from '../engine/collection.js';
import { cloneValue, isPlainObject, type Doc } from '../engine/values.js';
import { executeQuery } from './execute.js';
import { plainNumbers } from '../engine/numbers.js';

type LookupOperator = (collection: Iterator, expr: Doc, options: Options) => Iterator;

const indexedOn = (collection: Collection, field: string) =>
  field === '_id' || [...collection.indexes.values()].some((index) => !index.partial && !index.spec.sparse && index.fields[0][0] === field);

/**
 * A context whose `$lookup` reads the foreign collection through its index when the join is a plain
 * localField/foreignField equality on an indexed field, instead of copying and hashing the whole collection.
 */
export function contextWithIndexedLookup(base: Context, foreignCollection: (name: string) => Collection | undefined): Context {
  const $lookup: LookupOperator = (input, expr, options) => {
    const foreign = typeof expr.from === 'string' ? foreignCollection(expr.from) : undefined;
    const { localField, foreignField, as } = expr as { localField?: string; foreignField?: string; as: string };
    const simple = !expr.pipeline && !expr.let && typeof localField === 'string' && typeof foreignField === 'string';
    if (!simple || !foreign || !indexedOn(foreign, foreignField)) {
      return (mingoLookup as unknown as LookupOperator)(input, expr, options);
    }
    return input.map((doc) => {
      const local = resolve(doc as Doc, localField) ?? null;
      const values = Array.isArray(local) ? local : [local];
      // Regular expressions and documents would change $in's meaning, so those joins compare one by one.
      const exact = values.filter((v) => !(v instanceof RegExp) && !isPlainObject(v));
      const byIn = exact.length ? executeQuery(foreign, { filter: { [foreignField]: { $in: exact } } }).docs : [];
      const byEquality = values.filter((v) => !exact.includes(v)).flatMap((v) => executeQuery(foreign, { filter: { [foreignField]: { $eq: v } } }).docs);
      return { ...(doc as Doc), [as]: [...new Set([...byIn, ...byEquality])].map((joined) => plainNumbers(cloneValue(joined))) };
    });
  };
  return Context.from(Context.init({ pipeline: { $lookup } as never }), base);
}
