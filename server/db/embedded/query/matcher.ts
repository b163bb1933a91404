import { ObjectId } from 'bson';
import { Query } from 'mingo/query';
import type { Doc } from '../engine/values.js';
import { valuesEqual } from './compare.js';
import { badValue, CommandError } from '../errors.js';
import { mingoOptions } from './context.js';

export type Matcher = (doc: Doc) => boolean;

const matchAll: Matcher = () => true;

/** Turns library errors (unknown operators, bad arguments) into a BadValue that names the problem. */
export function asCommandError(error: unknown): CommandError {
  if (error instanceof CommandError) return error;
  const message = (error instanceof Error ? error.message : String(error)).replace(/^mingo:\s*/, '');
  if (error instanceof SyntaxError && /regular expression/i.test(message)) return new CommandError(51091, 'Location51091', `Regular expression is invalid: ${message}`);
  const unknown = /(\w+) '(\$\w+)' is not registered|unknown (?:query|top level) operator:? (\$\w+)/.exec(message);
  if (unknown) return badValue(`unknown operator: ${unknown[2] ?? unknown[3]}`);
  return badValue(message);
}

const isSimpleOperand = (value: unknown) =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || value instanceof ObjectId;

/**
 * `{field: value, ...}` on top-level fields with string, number, boolean or ObjectId values, the usual lookup by
 * email, slug or id, matched directly with the same equality as `$eq`: building a mingo Query costs ~50 µs, far
 * more than the indexed lookup it filters.
 */
function simpleEquality(filter: Doc): Matcher | undefined {
  const pairs = Object.entries(filter);
  if (!pairs.every(([field, value]) => !field.startsWith('$') && !field.includes('.') && isSimpleOperand(value))) return undefined;
  return (doc) =>
    pairs.every(([field, operand]) => {
      if (!Object.hasOwn(doc, field)) return false;
      const value = doc[field];
      return valuesEqual(value, operand) || (Array.isArray(value) && value.some((item) => valuesEqual(item, operand)));
    });
}

/** Compiles a query filter (without `$text`, which the caller resolves through the text index). */
export function compileFilter(raw: Doc | undefined | null): Matcher {
  if (!raw) return matchAll;
  // A top-level $comment only labels the query for logs.
  const { $comment: _comment, ...filter } = raw;
  if (Object.keys(filter).length === 0) return matchAll;
  const direct = simpleEquality(filter);
  if (direct) return direct;
  try {
    const query = new Query(filter, mingoOptions());
    return (doc) => {
      try {
        return query.test(doc);
      } catch (error) {
        throw asCommandError(error);
      }
    };
  } catch (error) {
    throw asCommandError(error);
  }
}
