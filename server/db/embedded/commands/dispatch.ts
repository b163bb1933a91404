import type { Document } from 'bson';
import { CommandError, commandNotFound } from '../errors.js';
import { JournalBuffer } from '../engine/journalBuffer.js';
import type { StoreState } from '../engine/storeState.js';
import type { Transaction } from '../engine/transactions.js';
import type { Doc } from '../engine/values.js';
import { asCommandError } from '../query/matcher.js';
import { aggregateCommands } from './aggregate.js';
import { ddlCommands } from './ddl.js';
import { explainCommands } from './explain.js';
import { findAndModifyCommands } from './findAndModify.js';
import { handshakeCommands } from './handshake.js';
import { indexCommands } from './indexes.js';
import { readCommands } from './read.js';
import { sessionCommands, sessionKey } from './sessions.js';
import type { CommandHandler } from './types.js';
import { rejectUnsupportedOptions } from './unsupportedOptions.js';
import { writeCommands } from './write.js';

const handlers: Record<string, CommandHandler> = {
  ...handshakeCommands,
  ...readCommands,
  ...writeCommands,
  ...findAndModifyCommands,
  ...aggregateCommands,
  ...ddlCommands,
  ...indexCommands,
  ...sessionCommands,
  ...explainCommands,
};

export function errorReply(error: unknown): Doc {
  const failure = error instanceof CommandError ? error : asCommandError(error);
  const reply: Doc = { ok: 0, errmsg: failure.message, code: failure.code, codeName: failure.codeName, ...failure.extra };
  if (failure.labels.length) reply.errorLabels = failure.labels;
  return reply;
}

async function transactionFor(state: StoreState, command: Doc): Promise<Transaction | undefined> {
  if (command.autocommit !== false) return undefined;
  const name = Object.keys(command)[0];
  if (name === 'commitTransaction' || name === 'abortTransaction') return undefined;
  const key = sessionKey(command.lsid);
  if (!key) return undefined;
  const txnNumber = Number(command.txnNumber);
  return command.startTransaction ? state.transactions.begin(key, txnNumber) : state.transactions.current(key, txnNumber);
}

const writeCommandNames = new Set(['insert', 'update', 'delete', 'findAndModify', 'findandmodify']);

/** A write outside a transaction waits while an open transaction holds changes to the same collection. */
async function waitForConflictingTransaction(state: StoreState, command: Doc, db: string, txn: Transaction | undefined): Promise<void> {
  const name = Object.keys(command)[0];
  if (txn || !writeCommandNames.has(name) || typeof command[name] !== 'string') return;
  const collection = state.catalog.get(db, command[name]);
  if (collection) await state.transactions.waitForCollection(collection);
}

/** Runs one command document and returns the reply document (never throws). */
export async function dispatchCommand(state: StoreState, command: Document, connectionId: number): Promise<Doc> {
  const name = Object.keys(command)[0];
  const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
  if (!handler) return errorReply(commandNotFound(name ?? ''));
  const durable: Doc[] = [];
  let reply: Doc;
  try {
    const txn = await transactionFor(state, command);
    const db = typeof command.$db === 'string' ? command.$db : 'test';
    rejectUnsupportedOptions(command);
    await waitForConflictingTransaction(state, command, db, txn);
    // Handlers run synchronously, so the catalog sink only ever sees this command's schema changes.
    state.catalogSink = durable;
    let result: Doc | Promise<Doc>;
    try {
      result = handler({ state, db, command, write: txn ?? new JournalBuffer(durable), txn, durable, connectionId });
    } finally {
      state.catalogSink = undefined;
    }
    reply = { ...(await result), ok: 1 };
  } catch (error) {
    reply = errorReply(error);
  }
  if (durable.length && state.journal) await state.journal.append(durable);
  return reply;
}
