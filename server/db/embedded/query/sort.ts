import { badValue } from '../errors.js';
import { getPath, isPlainObject, pathValues, type Doc } from '../engine/values.js';
import { compareValues, EMPTY_ARRAY_SORT_KEY } from './compare.js';
import type { SortSpec } from './plan.js';

/** Sort fields in order; `{$meta:'textScore'}` entries are returned separately since they sort by score. */
export function parseSort(sort: unknown): { spec: SortSpec; byTextScore: boolean } {
  if (sort === undefined || sort === null) return { spec: [], byTextScore: false };
  if (!isPlainObject(sort)) throw badValue('sort must be an object');
  const spec: SortSpec = [];
  let byTextScore = false;
  for (const [field, direction] of Object.entries(sort)) {
    if (isPlainObject(direction) && direction.$meta === 'textScore') {
      byTextScore = true;
      continue;
    }
    const n = Number(direction);
    if (n !== 1 && n !== -1) throw badValue(`bad sort specification for ${field}: ${JSON.stringify(direction)}`);
    spec.push([field, n]);
  }
  return { spec, byTextScore };
}

/** An array sorts by its smallest element ascending and its largest descending, as in MongoDB. */
function sortKey(doc: Doc, field: string, direction: 1 | -1): unknown {
  const values = pathValues(doc, field);
  if (values.length === 0) return null;
  if (values.length === 1 && values[0] === undefined) return Array.isArray(getPath(doc, field)) ? EMPTY_ARRAY_SORT_KEY : null;
  let key = values[0];
  for (const v of values) if (compareValues(v, key) * direction < 0) key = v;
  return key ?? null;
}

export function documentComparator(spec: SortSpec): (a: Doc, b: Doc) => number {
  return (a, b) => {
    for (const [field, direction] of spec) {
      const c = compareValues(sortKey(a, field, direction), sortKey(b, field, direction)) * direction;
      if (c) return c;
    }
    return 0;
  };
}
