import { badValue } from '../errors.js';
import { isPlainObject, type Doc } from '../engine/values.js';
import { executeQuery } from '../query/execute.js';
import { compileProjection } from '../query/projection.js';
import { applyUpdate, buildUpsert } from '../update/apply.js';
import type { CommandHandler } from './types.js';

const findAndModify: CommandHandler = ({ state, db, command, write }) => {
  const name = String(command.findAndModify ?? command.findandmodify);
  const filter = (command.query ?? {}) as Doc;
  const update = command.update as Doc | Doc[] | undefined;
  const remove = command.remove === true;
  if (remove === (update !== undefined)) throw badValue('Either an update or remove=true must be specified, but not both');
  if (update !== undefined && !isPlainObject(update) && !Array.isArray(update)) throw badValue('update must be an object or a pipeline');
  const project = compileProjection(command.fields as Doc, filter);
  const shown = (doc: Doc | undefined) => (doc ? project([doc])[0] : null);
  const arrayFilters = command.arrayFilters as Doc[] | undefined;
  const collection = state.catalog.get(db, name);
  const [previous] = executeQuery(collection, { filter, sort: command.sort, limit: 1 }).docs;

  if (remove) {
    if (!previous) return { lastErrorObject: { n: 0 }, value: null };
    collection!.delete(previous, write);
    return { lastErrorObject: { n: 1 }, value: shown(previous) };
  }
  if (!previous) {
    if (!command.upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null };
    const stored = state.catalog.ensure(db, name).insert(buildUpsert(filter, update!, { filter, arrayFilters }), write);
    return { lastErrorObject: { n: 1, updatedExisting: false, upserted: stored._id }, value: command.new ? shown(stored) : null };
  }
  const { doc, changed } = applyUpdate(previous, update!, { filter, arrayFilters, isInsert: false });
  if (changed) collection!.replace(previous, doc, write);
  return { lastErrorObject: { n: 1, updatedExisting: true }, value: shown(command.new ? doc : previous) };
};

export const findAndModifyCommands: Record<string, CommandHandler> = { findAndModify, findandmodify: findAndModify };
