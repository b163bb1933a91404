import { Binary } from 'bson';
import { badValue, namespaceNotFound } from '../errors.js';
import type { Doc } from '../engine/values.js';
import { compileFilter } from '../query/matcher.js';
import { cursorReply } from './read.js';
import type { CommandHandler } from './types.js';

const uuidFor = (ns: string) => new Binary(Buffer.from(ns.padEnd(16, '\0').slice(0, 16)), Binary.SUBTYPE_UUID);

const create: CommandHandler = ({ state, db, command }) => {
  const { create: name, $db: _db, lsid: _lsid, ...options } = command;
  for (const option of ['capped', 'timeseries', 'viewOn']) {
    if (options[option]) throw badValue(`collection option '${option}' is not supported by the embedded store`);
  }
  state.catalog.create(db, String(name), options);
  return {};
};

const drop: CommandHandler = ({ state, db, command }) => {
  const name = String(command.drop);
  const collection = state.catalog.get(db, name);
  if (!collection) throw namespaceNotFound('ns not found');
  const nIndexesWas = collection.indexSpecs().length;
  state.catalog.drop(db, name);
  return { nIndexesWas, ns: `${db}.${name}` };
};

const dropDatabase: CommandHandler = ({ state, db }) => {
  state.catalog.dropDatabase(db);
  return { dropped: db };
};

const renameCollection: CommandHandler = ({ state, command }) => {
  state.catalog.rename(String(command.renameCollection), String(command.to), command.dropTarget === true);
  return {};
};

const listCollections: CommandHandler = ({ state, db, command }) => {
  const match = compileFilter(command.filter as Doc);
  const infos = state.catalog
    .collections(db)
    .map((c) => ({ name: c.name, type: 'collection', options: c.options, info: { readOnly: false, uuid: uuidFor(c.ns) }, idIndex: { v: 2, key: { _id: 1 }, name: '_id_' } }))
    .filter((info) => match(info))
    .map((info) => (command.nameOnly ? { name: info.name, type: info.type } : info));
  return cursorReply(0n, `${db}.$cmd.listCollections`, 'firstBatch', infos);
};

const listDatabases: CommandHandler = ({ state, command }) => {
  const databases = state.catalog.databaseNames().map((name) => ({ name, sizeOnDisk: 0, empty: false }));
  if (command.nameOnly) return { databases: databases.map(({ name }) => ({ name })) };
  return { databases, totalSize: 0 };
};

const collStats: CommandHandler = ({ state, db, command }) => {
  const collection = state.catalog.get(db, String(command.collStats));
  if (!collection) throw namespaceNotFound(`Collection [${db}.${String(command.collStats)}] not found.`);
  return { ns: collection.ns, count: collection.docs.size, nindexes: collection.indexSpecs().length };
};

export const ddlCommands: Record<string, CommandHandler> = {
  create,
  drop,
  dropDatabase,
  renameCollection,
  listCollections,
  listDatabases,
  collStats,
};
