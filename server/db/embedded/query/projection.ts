import { Query } from 'mingo/query';
import { CommandError } from '../errors.js';
import { cloneValue, getPath, isPlainObject, type Doc } from '../engine/values.js';
import { readPath, writePath } from '../update/paths.js';
import { positionalIndex } from '../update/positional.js';
import { mingoOptions } from './context.js';
import { plainNumbers } from '../engine/numbers.js';
import { asCommandError } from './matcher.js';

export type Projector = (docs: Doc[], scores?: (doc: Doc) => number | undefined) => Doc[];

/** Projection parts mingo does not handle as MongoDB does: `$slice`, positional `field.$` and textScore. */
interface SpecialFields {
  slices: [string, number | [number, number]][];
  positional: string[];
  scores: string[];
}

function split(projection: Doc): { plain: Doc; special: SpecialFields } {
  const special: SpecialFields = { slices: [], positional: [], scores: [] };
  const plain: Doc = {};
  for (const [field, value] of Object.entries(projection)) {
    if (isPlainObject(value) && value.$meta === 'textScore') special.scores.push(field);
    else if (isPlainObject(value) && '$slice' in value) special.slices.push([field, value.$slice as number | [number, number]]);
    else if (field.endsWith('.$')) special.positional.push(field.slice(0, -2));
    else plain[field] = value;
  }
  return { plain, special };
}

function sliceArray(array: unknown[], spec: number | [number, number]): unknown[] {
  if (Array.isArray(spec)) {
    const start = spec[0] < 0 ? Math.max(0, array.length + spec[0]) : spec[0];
    return array.slice(start, start + spec[1]);
  }
  return spec >= 0 ? array.slice(0, spec) : array.slice(Math.max(0, array.length + spec));
}

/** Builds a find projection; `filter` resolves positional `$` projections. */
export function compileProjection(projection: Doc | undefined | null, filter: Doc = {}): Projector {
  if (!projection || Object.keys(projection).length === 0) return (docs) => docs;
  // A Double(1) or Long(0) flag, a $slice count, means what the plain number means.
  const { plain, special } = split(plainNumbers(projection));
  let included: string | undefined;
  let excluded: string | undefined;
  for (const [field, value] of Object.entries(plain)) {
    if (field === '_id' || isPlainObject(value)) continue;
    if (value === 0 || value === false) excluded ??= field;
    else included ??= field;
  }
  if (included && excluded) throw new CommandError(31254, 'Location31254', `Cannot do exclusion on field ${excluded} in inclusion projection`);
  if (special.positional.length && !excluded) included ??= special.positional[0];
  // Positional and sliced fields are kept by an inclusion projection, then cut down below.
  if (included) for (const field of [...special.positional, ...special.slices.map(([f]) => f)]) plain[field] = 1;
  const query = Object.keys(plain).length ? new Query({}, mingoOptions()) : undefined;
  return (docs, scores) => {
    let out = docs;
    if (query) {
      try {
        out = query.find(docs, plain).all() as Doc[];
      } catch (error) {
        throw asCommandError(error);
      }
    }
    if (!special.slices.length && !special.positional.length && !special.scores.length) return out;
    return out.map((doc, i) => {
      const copy: Doc = cloneValue(doc);
      for (const [field, spec] of special.slices) {
        const value = readPath(copy, field);
        if (Array.isArray(value)) writePath(copy, field, sliceArray(value, spec));
      }
      for (const field of special.positional) {
        const index = positionalIndex(docs[i], filter, field);
        const array = getPath(docs[i], field);
        if (index !== undefined && Array.isArray(array)) writePath(copy, field, [array[index]]);
      }
      for (const field of special.scores) copy[field] = scores?.(docs[i]) ?? 0;
      return copy;
    });
  };
}
