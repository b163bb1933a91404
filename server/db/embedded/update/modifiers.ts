import { Timestamp } from 'bson';
import { badValue, failedToParse, typeMismatch } from '../errors.js';
import { cloneValue, isPlainObject, type Doc } from '../engine/values.js';
import { compareValues, isNumeric, valuesEqual } from '../query/compare.js';
import { arithmetic, type ArithmeticOp } from './arithmetic.js';
import { compileFilter } from '../query/matcher.js';
import { documentComparator, parseSort } from '../query/sort.js';
import { readPath, unsetPath, writePath } from './paths.js';

export type Modifier = (doc: Doc, path: string, operand: unknown) => void;

function numericResult(current: unknown, operand: unknown, op: ArithmeticOp, path: string): unknown {
  if (!isNumeric(operand)) throw typeMismatch(`Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${JSON.stringify(operand)}}`);
  if (current !== undefined && !isNumeric(current)) {
    throw typeMismatch(`Cannot apply ${op} to a value of non-numeric type. {_id: ...} has the field '${path}' of non-numeric type ${typeof current}`);
  }
  // A missing field counts as 0: $inc creates it with the operand, $mul creates it as 0.
  return arithmetic(current === undefined ? 0 : current, operand, op, path);
}

function arrayAt(doc: Doc, path: string, op: string): unknown[] {
  const current = readPath(doc, path);
  if (current === undefined) {
    const created: unknown[] = [];
    writePath(doc, path, created);
    return created;
  }
  if (!Array.isArray(current)) throw badValue(`The field '${path}' must be an array but is of type ${typeof current} in document; ${op} needs an array`);
  return current;
}

function eachValues(operand: unknown): { values: unknown[]; options: Doc } {
  if (isPlainObject(operand) && '$each' in operand) {
    if (!Array.isArray(operand.$each)) throw badValue('The argument to $each must be an array');
    return { values: operand.$each.map(cloneValue), options: operand };
  }
  return { values: [cloneValue(operand)], options: {} };
}

function push(doc: Doc, path: string, operand: unknown): void {
  const array = arrayAt(doc, path, '$push');
  const { values, options } = eachValues(operand);
  let position = options.$position === undefined ? array.length : Number(options.$position);
  if (position < 0) position = Math.max(0, array.length + position);
  array.splice(Math.min(position, array.length), 0, ...values);
  if (options.$sort !== undefined) {
    if (isPlainObject(options.$sort)) {
      const compare = documentComparator(parseSort(options.$sort).spec);
      array.sort((a, b) => compare(a as Doc, b as Doc));
    } else {
      const direction = Number(options.$sort);
      array.sort((a, b) => compareValues(a, b) * direction);
    }
  }
  if (options.$slice !== undefined) {
    const slice = Number(options.$slice);
    const kept = slice >= 0 ? array.slice(0, slice) : array.slice(Math.max(0, array.length + slice));
    array.splice(0, array.length, ...kept);
  }
}

function pullCondition(operand: unknown): (element: unknown) => boolean {
  if (isPlainObject(operand)) {
    const keys = Object.keys(operand);
    if (keys.length > 0 && keys.every((k) => k.startsWith('$'))) {
      const match = compileFilter({ v: operand });
      return (element) => match({ v: element });
    }
    const match = compileFilter(operand);
    return (element) => isPlainObject(element) && match(element);
  }
  return (element) => valuesEqual(element, operand);
}

function removeWhere(doc: Doc, path: string, remove: (element: unknown) => boolean): void {
  const current = readPath(doc, path);
  if (current === undefined) return;
  if (!Array.isArray(current)) throw badValue(`Cannot apply $pull to a non-array value`);
  const kept = current.filter((element) => !remove(element));
  if (kept.length !== current.length) current.splice(0, current.length, ...kept);
}

export const modifiers: Record<string, Modifier> = {
  $set: (doc, path, operand) => writePath(doc, path, cloneValue(operand)),
  $unset: (doc, path) => void unsetPath(doc, path),
  $inc: (doc, path, operand) => writePath(doc, path, numericResult(readPath(doc, path), operand, '$inc', path)),
  $mul: (doc, path, operand) => writePath(doc, path, numericResult(readPath(doc, path), operand, '$mul', path)),
  $min: (doc, path, operand) => {
    const current = readPath(doc, path);
    if (current === undefined || compareValues(operand, current) < 0) writePath(doc, path, cloneValue(operand));
  },
  $max: (doc, path, operand) => {
    const current = readPath(doc, path);
    if (current === undefined || compareValues(operand, current) > 0) writePath(doc, path, cloneValue(operand));
  },
  $currentDate: (doc, path, operand) => {
    const wantsTimestamp = isPlainObject(operand) && operand.$type === 'timestamp';
    writePath(doc, path, wantsTimestamp ? Timestamp.fromNumber(Math.floor(Date.now() / 1000) * 2 ** 32) : new Date());
  },
  $push: push,
  $addToSet: (doc, path, operand) => {
    const array = arrayAt(doc, path, '$addToSet');
    for (const value of eachValues(operand).values) if (!array.some((existing) => valuesEqual(existing, value))) array.push(value);
  },
  $pull: (doc, path, operand) => removeWhere(doc, path, pullCondition(operand)),
  $pullAll: (doc, path, operand) => {
    if (!Array.isArray(operand)) throw badValue('$pullAll requires an array argument');
    removeWhere(doc, path, (element) => operand.some((v) => valuesEqual(element, v)));
  },
  $pop: (doc, path, operand) => {
    const current = readPath(doc, path);
    if (current === undefined) return;
    if (!Array.isArray(current)) throw badValue(`Path '${path}' contains an element of non-array type`);
    if (Number(operand) === -1) current.shift();
    else current.pop();
  },
};

export const unsupportedModifier = (name: string) =>
  failedToParse(`Unknown modifier: ${name}. Expected a valid update modifier or pipeline-style update specified as an array`);
