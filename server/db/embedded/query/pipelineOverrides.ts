import { Lazy, type Iterator } from 'mingo/lazy';
import { badValue } from '../errors.js';
import type { Doc } from '../engine/values.js';
import { documentComparator, parseSort } from './sort.js';

/** `$count` outputs no document at all for empty input (mingo would output a zero count). */
export function $count(collection: Iterator, field: unknown): Iterator {
  if (typeof field !== 'string' || !field.trim() || field.includes('.') || field.startsWith('$')) {
    throw badValue('$count expression must evaluate to valid field name');
  }
  let emitted = false;
  return Lazy(() => {
    if (emitted) return { done: true };
    emitted = true;
    const n = collection.size();
    return n === 0 ? { done: true } : { value: { [field]: n }, done: false };
  });
}

/** `$sort` with the store's BSON order (numbers across types, strings by code point), as `find` sorts. */
export function $sort(collection: Iterator, sortKeys: unknown): Iterator {
  const { spec } = parseSort(sortKeys);
  if (spec.length === 0) throw badValue('$sort stage must have at least one sort key');
  return Lazy(collection.collect<Doc>().sort(documentComparator(spec)));
}
