import { CommandError } from '../errors.js';
import { asCommandError } from '../query/matcher.js';
import type { Doc } from '../engine/values.js';

/** A per-document failure inside a write batch, shaped as MongoDB reports it in `writeErrors`. */
export function writeError(index: number, error: unknown): Doc {
  const failure = error instanceof CommandError ? error : asCommandError(error);
  return { index, code: failure.code, codeName: failure.codeName, errmsg: failure.message, ...failure.extra };
}

/** Runs each item of a batch, stopping at the first failure when ordered. */
export function runBatch<T>(items: T[], ordered: boolean, run: (item: T, index: number) => void): Doc[] {
  const errors: Doc[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      run(items[i], i);
    } catch (error) {
      if (error instanceof CommandError && error.labels.includes('TransientTransactionError')) throw error;
      errors.push(writeError(i, error));
      if (ordered) break;
    }
  }
  return errors;
}
