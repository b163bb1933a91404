import { Aggregator } from 'mingo/aggregator';
import { badValue, CommandError, failedToParse, immutableField } from '../errors.js';
import { cloneValue, identicalValues, isPlainObject, valueKey, type Doc } from '../engine/values.js';
import { mingoOptions } from '../query/context.js';
import { asCommandError, compileFilter } from '../query/matcher.js';
import { modifiers, unsupportedModifier } from './modifiers.js';
import { expandArrayPaths, readPath, unsetPath, writePath } from './paths.js';
import { positionalIndex } from './positional.js';

export interface UpdateOptions {
  filter: Doc;
  arrayFilters?: Doc[];
  /** True when the update builds an upserted document ($setOnInsert applies). */
  isInsert: boolean;
}

export const isOperatorUpdate = (update: Doc) => Object.keys(update).some((k) => k.startsWith('$'));

function conflictCheck(paths: string[]): void {
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1] || sorted[i].startsWith(sorted[i - 1] + '.')) {
      throw new CommandError(40, 'ConflictingUpdateOperators', `Updating the path '${sorted[i]}' would create a conflict at '${sorted[i - 1]}'`);
    }
  }
}

function checkArrayFiltersUsed(paths: string[], arrayFilters: Doc[] | undefined): void {
  const used = new Set(paths.flatMap((path) => [...path.matchAll(/\$\[(\w+)\]/g)].map((m) => m[1])));
  for (const spec of arrayFilters ?? []) {
    for (const name of new Set(Object.keys(spec).map((k) => k.split('.')[0]))) {
      if (!used.has(name)) throw failedToParse(`The array filter for identifier '${name}' was not used in the update`);
    }
  }
}

function arrayFilterTester(arrayFilters: Doc[] | undefined) {
  const byName = new Map<string, (element: unknown) => boolean>();
  for (const spec of arrayFilters ?? []) {
    const names = new Set(Object.keys(spec).map((k) => k.split('.')[0]));
    if (names.size !== 1) throw badValue('Each array filter must use a single top-level field name');
    const [name] = names;
    const match = compileFilter(spec);
    byName.set(name, (element) => match({ [name]: element }));
  }
  return (name: string, element: unknown) => {
    const test = byName.get(name);
    if (!test) throw badValue(`No array filter found for identifier '${name}'`);
    return test(element);
  };
}

function resolvePaths(doc: Doc, original: Doc, path: string, options: UpdateOptions, arrayFilter: ReturnType<typeof arrayFilterTester>): string[] {
  let concrete = path;
  if (path.split('.').includes('$')) {
    const arrayPath = path.split('.$')[0];
    const index = positionalIndex(original, options.filter, arrayPath);
    if (index === undefined) throw badValue('The positional operator did not find the match needed from the query.');
    concrete = path.replace(/\.\$(?=\.|$)/, `.${index}`);
  }
  return /\$\[/.test(concrete) ? expandArrayPaths(doc, concrete, arrayFilter) : [concrete];
}

function applyOperators(original: Doc, update: Doc, options: UpdateOptions): Doc {
  const doc = cloneValue(original);
  const arrayFilter = arrayFilterTester(options.arrayFilters);
  const allPaths: string[] = [];
  for (const [op, fields] of Object.entries(update)) {
    if (!isPlainObject(fields)) throw failedToParse(`Modifiers operate on fields but we found type ${typeof fields} instead`);
    if (op === '$rename') {
      allPaths.push(...Object.keys(fields), ...Object.values(fields).map(String));
      continue;
    }
    allPaths.push(...Object.keys(fields));
    if (op !== '$setOnInsert' && !modifiers[op]) throw unsupportedModifier(op);
  }
  conflictCheck(allPaths);
  checkArrayFiltersUsed(allPaths, options.arrayFilters);
  for (const [op, fields] of Object.entries(update) as [string, Doc][]) {
    if (op === '$setOnInsert' && !options.isInsert) continue;
    // MongoDB (5.0+) applies each operator's fields in lexicographic order, so new fields append in that order.
    for (const [path, operand] of Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (path === '_id' || path.startsWith('_id.')) {
        if (op !== '$set' && op !== '$setOnInsert') throw immutableField(`Performing an update on the path '_id' would modify the immutable field '_id'`);
      }
      if (op === '$rename') {
        const value = readPath(doc, path);
        if (value !== undefined) {
          unsetPath(doc, path);
          writePath(doc, String(operand), value);
        }
        continue;
      }
      const apply = op === '$setOnInsert' ? modifiers.$set : modifiers[op];
      for (const concrete of resolvePaths(doc, original, path, options, arrayFilter)) apply(doc, concrete, operand);
    }
  }
  if (original._id !== undefined && valueKey(doc._id) !== valueKey(original._id)) {
    throw immutableField(`Performing an update on the path '_id' would modify the immutable field '_id'`);
  }
  return doc;
}

function applyPipeline(original: Doc, pipeline: Doc[]): Doc {
  const allowed = new Set(['$addFields', '$set', '$project', '$unset', '$replaceRoot', '$replaceWith']);
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0];
    if (!allowed.has(name)) throw badValue(`${name} is not allowed to be used within an update`);
  }
  try {
    const [result] = new Aggregator(pipeline, mingoOptions()).run([cloneValue(original)]) as Doc[];
    if (original._id !== undefined && valueKey(result._id) !== valueKey(original._id)) {
      throw immutableField(`Performing an update on the path '_id' would modify the immutable field '_id'`);
    }
    return result;
  } catch (error) {
    throw asCommandError(error);
  }
}

function applyReplacement(original: Doc, replacement: Doc): Doc {
  if (replacement._id !== undefined && original._id !== undefined && valueKey(replacement._id) !== valueKey(original._id)) {
    throw immutableField(`After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${String(replacement._id)}`);
  }
  const { _id: _replacementId, ...rest } = cloneValue(replacement);
  return original._id === undefined ? cloneValue(replacement) : { _id: original._id, ...rest };
}

/** Applies an update document, pipeline or replacement; returns the new document and whether it changed. */
export function applyUpdate(original: Doc, update: Doc | Doc[], options: UpdateOptions): { doc: Doc; changed: boolean } {
  let doc: Doc;
  if (Array.isArray(update)) doc = applyPipeline(original, update);
  else if (isOperatorUpdate(update)) doc = applyOperators(original, update, options);
  else doc = applyReplacement(original, update);
  return { doc, changed: !identicalValues(doc, original) };
}

/** The document an upsert starts from: the filter's equality fields (MongoDB's rule), then the update applied. */
export function buildUpsert(filter: Doc, update: Doc | Doc[], options: Omit<UpdateOptions, 'isInsert'>): Doc {
  const seed: Doc = {};
  const collect = (part: Doc) => {
    for (const [field, condition] of Object.entries(part)) {
      if (field === '$and' && Array.isArray(condition)) condition.forEach((c) => isPlainObject(c) && collect(c));
      if (field.startsWith('$')) continue;
      if (isPlainObject(condition) && Object.keys(condition).some((k) => k.startsWith('$'))) {
        if ('$eq' in condition) writePath(seed, field, cloneValue(condition.$eq));
      } else {
        writePath(seed, field, cloneValue(condition));
      }
    }
  };
  if (!Array.isArray(update) && !isOperatorUpdate(update)) {
    const replacement = cloneValue(update);
    if (replacement._id === undefined && filter._id !== undefined && !isPlainObject(filter._id)) return { _id: filter._id, ...replacement };
    return replacement;
  }
  collect(filter);
  return applyUpdate(seed, update, { ...options, isInsert: true }).doc;
}
