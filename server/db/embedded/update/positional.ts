import { compileFilter } from '../query/matcher.js';
import { getPath, isPlainObject, type Doc } from '../engine/values.js';

/**
 * Index of the first element of the array at `arrayPath` that satisfies the filter's conditions on that array,
 * which is what the positional `$` operator refers to.
 */
export function positionalIndex(doc: Doc, filter: Doc, arrayPath: string): number | undefined {
  const array = getPath(doc, arrayPath);
  if (!Array.isArray(array)) return undefined;
  const relevant: Doc = {};
  const gather = (part: Doc) => {
    for (const [field, condition] of Object.entries(part)) {
      if (field === '$and' && Array.isArray(condition)) condition.forEach((c) => isPlainObject(c) && gather(c));
      else if (field === arrayPath || field.startsWith(arrayPath + '.')) relevant[field] = condition;
    }
  };
  gather(filter);
  if (Object.keys(relevant).length === 0) return undefined;
  const match = compileFilter(relevant);
  const probe: Doc = {};
  const parts = arrayPath.split('.');
  let holder = probe;
  for (const part of parts.slice(0, -1)) holder = (holder[part] = {}) as Doc;
  const last = parts[parts.length - 1];
  for (let i = 0; i < array.length; i++) {
    holder[last] = [array[i]];
    if (match(probe)) return i;
  }
  return undefined;
}
