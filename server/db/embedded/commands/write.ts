import { badValue } from '../errors.js';
import { isPlainObject, type Doc } from '../engine/values.js';
import { executeQuery } from '../query/execute.js';
import { applyUpdate, buildUpsert } from '../update/apply.js';
import { runBatch } from './writeErrors.js';
import type { CommandContext, CommandHandler } from './types.js';
import { requireCollectionName } from '../engine/catalog.js';

const withErrors = (reply: Doc, writeErrors: Doc[]) => (writeErrors.length ? { ...reply, writeErrors } : reply);

function statements(command: Doc, field: string): Doc[] {
  const list = command[field];
  if (!Array.isArray(list)) throw badValue(`${field} must be an array`);
  return list as Doc[];
}

const insert: CommandHandler = ({ state, db, command, write }) => {
  const documents = statements(command, 'documents');
  const collection = state.catalog.ensure(db, requireCollectionName(command.insert));
  let n = 0;
  const errors = runBatch(documents, command.ordered !== false, (doc) => {
    if (!isPlainObject(doc)) throw badValue('document to insert must be an object');
    collection.insert(doc, write);
    n++;
  });
  return withErrors({ n }, errors);
};

/** Applies one update statement; exported for findAndModify-like reuse. */
export function updateOne(ctx: CommandContext, collectionName: string, statement: Doc) {
  const filter = (statement.q ?? {}) as Doc;
  const update = statement.u as Doc | Doc[];
  if (!isPlainObject(update) && !Array.isArray(update)) throw badValue('update must be an object or a pipeline');
  const arrayFilters = statement.arrayFilters as Doc[] | undefined;
  const collection = ctx.state.catalog.get(ctx.db, collectionName);
  const matched = executeQuery(collection, { filter, limit: statement.multi ? 0 : 1 }).docs;
  if (matched.length === 0) {
    if (!statement.upsert) return { n: 0, nModified: 0 };
    const doc = buildUpsert(filter, update, { filter, arrayFilters });
    const stored = ctx.state.catalog.ensure(ctx.db, collectionName).insert(doc, ctx.write);
    return { n: 1, nModified: 0, upserted: stored._id };
  }
  let nModified = 0;
  for (const previous of matched) {
    const { doc, changed } = applyUpdate(previous, update, { filter, arrayFilters, isInsert: false });
    if (!changed) continue;
    collection!.replace(previous, doc, ctx.write);
    nModified++;
  }
  return { n: matched.length, nModified };
}

const update: CommandHandler = (ctx) => {
  const updates = statements(ctx.command, 'updates');
  const name = requireCollectionName(ctx.command.update);
  let n = 0;
  let nModified = 0;
  const upserted: Doc[] = [];
  const errors = runBatch(updates, ctx.command.ordered !== false, (statement, index) => {
    const result = updateOne(ctx, name, statement);
    n += result.n;
    nModified += result.nModified;
    if (result.upserted !== undefined) upserted.push({ index, _id: result.upserted });
  });
  return withErrors(upserted.length ? { n, nModified, upserted } : { n, nModified }, errors);
};

const remove: CommandHandler = ({ state, db, command, write }) => {
  const deletes = statements(command, 'deletes');
  const collection = state.catalog.get(db, requireCollectionName(command.delete));
  let n = 0;
  const errors = runBatch(deletes, command.ordered !== false, (statement) => {
    const limit = Number(statement.limit ?? 0);
    const matched = executeQuery(collection, { filter: (statement.q ?? {}) as Doc, limit: limit === 1 ? 1 : 0 }).docs;
    for (const doc of matched) collection!.delete(doc, write);
    n += matched.length;
  });
  return withErrors({ n }, errors);
};

export const writeCommands: Record<string, CommandHandler> = { insert, update, delete: remove };
