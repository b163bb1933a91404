import type { StoreState } from '../engine/storeState.js';
import type { Transaction } from '../engine/transactions.js';
import type { Doc } from '../engine/values.js';
import type { WriteContext } from '../engine/writeContext.js';

export interface CommandContext {
  state: StoreState;
  db: string;
  command: Doc;
  write: WriteContext;
  /** Records that must reach the journal before the reply is sent. */
  durable: Doc[];
  txn?: Transaction;
  connectionId: number;
}

export type CommandHandler = (ctx: CommandContext) => Doc | Promise<Doc>;
