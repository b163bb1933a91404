import type { Binary } from 'bson';
import type { CommandHandler } from './types.js';
import { badValue } from '../errors.js';

export const sessionKey = (lsid: unknown): string | undefined => {
  const id = (lsid as { id?: Binary } | undefined)?.id;
  return id ? Buffer.from(id.buffer.subarray(0, id.position)).toString('hex') : undefined;
};

const requireSession = (lsid: unknown) => {
  const key = sessionKey(lsid);
  if (!key) throw badValue('this command requires a session (lsid)');
  return key;
};

// The dispatcher makes the commit durable: it appends the transaction's journal before replying.
const commitTransaction: CommandHandler = ({ state, command, durable }) => {
  durable.push(...state.transactions.commit(requireSession(command.lsid), Number(command.txnNumber)));
  return {};
};

const abortTransaction: CommandHandler = ({ state, command }) => {
  state.transactions.abort(requireSession(command.lsid), Number(command.txnNumber));
  return {};
};

const endSessions: CommandHandler = ({ state, command }) => {
  const keys = ((command.endSessions as unknown[]) ?? []).map((lsid) => sessionKey({ id: (lsid as { id: Binary }).id })).filter((k): k is string => !!k);
  state.transactions.endSessions(keys);
  return {};
};

export const sessionCommands: Record<string, CommandHandler> = {
  commitTransaction,
  abortTransaction,
  endSessions,
  refreshSessions: () => ({}),
  startSession: () => ({}),
};
