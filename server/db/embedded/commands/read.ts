import { Long } from 'bson';
import { badValue, cursorNotFound } from '../errors.js';
import { valueKey, type Doc } from '../engine/values.js';
import { executeQuery } from '../query/execute.js';
import { compileProjection } from '../query/projection.js';
import { pathValues } from '../engine/values.js';
import type { CommandHandler } from './types.js';
import { requireCollectionName } from '../engine/catalog.js';

const toBigInt = (value: unknown): bigint => (value instanceof Long ? value.toBigInt() : BigInt(Number(value)));
export const cursorReply = (id: bigint, ns: string, key: 'firstBatch' | 'nextBatch', batch: Doc[]) => ({
  cursor: { id: Long.fromBigInt(id), ns, [key]: batch },
});

function optionalNumber(command: Doc, field: string): number | undefined {
  const value = command[field];
  if (value === undefined || value === null) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw badValue(`${field} must be a number`);
  return n;
}

const find: CommandHandler = ({ state, db, command, txn }) => {
  const name = requireCollectionName(command.find);
  const collection = state.catalog.get(db, name);
  const limit = optionalNumber(command, 'limit');
  const result = executeQuery(collection, {
    filter: command.filter as Doc,
    sort: command.sort,
    skip: optionalNumber(command, 'skip'),
    limit,
  }, collection && state.transactions.hiddenChanges(collection, txn));
  const project = compileProjection(command.projection as Doc, (command.filter ?? {}) as Doc);
  const singleBatch = command.singleBatch === true || (limit !== undefined && limit < 0);
  const { id, batch } = state.cursors.start(`${db}.${name}`, result.docs, optionalNumber(command, 'batchSize'), project, result.scores, singleBatch);
  return cursorReply(id, `${db}.${name}`, 'firstBatch', batch);
};

const getMore: CommandHandler = ({ state, db, command }) => {
  const id = toBigInt(command.getMore);
  const cursor = state.cursors.get(id);
  if (!cursor) throw cursorNotFound(String(id));
  const more = state.cursors.more(cursor, optionalNumber(command, 'batchSize'));
  return cursorReply(more.id, cursor.ns || `${db}.${String(command.collection)}`, 'nextBatch', more.batch);
};

const killCursors: CommandHandler = ({ state, command }) => {
  const killed: Long[] = [];
  const notFound: Long[] = [];
  for (const raw of (command.cursors as unknown[]) ?? []) {
    const id = toBigInt(raw);
    (state.cursors.kill(id) ? killed : notFound).push(Long.fromBigInt(id));
  }
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [] };
};

const count: CommandHandler = ({ state, db, command, txn }) => {
  const collection = state.catalog.get(db, requireCollectionName(command.count));
  const result = executeQuery(collection, {
    filter: command.query as Doc,
    skip: optionalNumber(command, 'skip'),
    limit: optionalNumber(command, 'limit'),
  }, collection && state.transactions.hiddenChanges(collection, txn));
  return { n: result.docs.length };
};

const distinct: CommandHandler = ({ state, db, command, txn }) => {
  const key = command.key;
  if (typeof key !== 'string') throw badValue('distinct key must be a string');
  const collection = state.catalog.get(db, requireCollectionName(command.distinct));
  const result = executeQuery(collection, { filter: command.query as Doc }, collection && state.transactions.hiddenChanges(collection, txn));
  const seen = new Map<string, unknown>();
  for (const doc of result.docs) {
    for (const value of pathValues(doc, key)) if (value !== undefined && !seen.has(valueKey(value))) seen.set(valueKey(value), value);
  }
  return { values: [...seen.values()] };
};

export const readCommands: Record<string, CommandHandler> = { find, getMore, killCursors, count, distinct };
