import { badValue, indexNotFound, namespaceNotFound } from '../errors.js';
import { normalizeIndexSpec } from '../engine/indexSpec.js';
import { isPlainObject, type Doc } from '../engine/values.js';
import { cursorReply } from './read.js';
import type { CommandHandler } from './types.js';

const createIndexes: CommandHandler = ({ state, db, command }) => {
  const raw = command.indexes;
  if (!Array.isArray(raw) || raw.length === 0) throw badValue('indexes must be a non-empty array');
  const existed = state.catalog.get(db, String(command.createIndexes)) !== undefined;
  const collection = state.catalog.ensure(db, String(command.createIndexes));
  const before = collection.indexSpecs().length;
  for (const entry of raw as Doc[]) {
    const spec = normalizeIndexSpec(entry);
    if (collection.createIndex(spec)) state.catalog.onChange({ op: 'createIndex', ns: collection.ns, spec });
  }
  return { createdCollectionAutomatically: !existed, numIndexesBefore: before, numIndexesAfter: collection.indexSpecs().length };
};

const listIndexes: CommandHandler = ({ state, db, command }) => {
  const collection = state.catalog.get(db, String(command.listIndexes));
  if (!collection) throw namespaceNotFound(`ns does not exist: ${db}.${String(command.listIndexes)}`);
  return cursorReply(0n, collection.ns, 'firstBatch', collection.indexSpecs());
};

const dropIndexes: CommandHandler = ({ state, db, command }) => {
  const collection = state.catalog.get(db, String(command.dropIndexes));
  if (!collection) throw namespaceNotFound(`ns not found ${db}.${String(command.dropIndexes)}`);
  const nIndexesWas = collection.indexSpecs().length;
  const target = command.index;
  const names: string[] = [];
  if (target === '*') names.push(...collection.indexSpecs().map((s) => s.name).filter((n) => n !== '_id_'));
  else if (typeof target === 'string') names.push(target);
  else if (Array.isArray(target)) names.push(...target.map(String));
  else if (isPlainObject(target)) {
    const name = collection.findIndexByKey(target);
    if (!name) throw indexNotFound(`can't find index with key: ${JSON.stringify(target)}`);
    names.push(name);
  } else throw badValue('index must be a name, a key pattern or "*"');
  for (const name of names) {
    collection.dropIndex(name);
    state.catalog.onChange({ op: 'dropIndex', ns: collection.ns, name });
  }
  return { nIndexesWas };
};

export const indexCommands: Record<string, CommandHandler> = { createIndexes, listIndexes, dropIndexes };
