import type { Logger } from 'pino';
import { Catalog } from './catalog.js';
import { CursorRegistry } from './cursors.js';
import { TransactionManager } from './transactions.js';
import type { Doc } from './values.js';

/** Where acknowledged writes go before the reply; absent for an in-memory store. */
export interface Journal {
  append(records: Doc[]): Promise<void>;
}

/** Everything the command handlers share. */
export class StoreState {
  readonly catalog = new Catalog();
  readonly cursors = new CursorRegistry();
  readonly transactions = new TransactionManager();
  readonly startedAt = Date.now();
  journal?: Journal;
  nextConnectionId = 1;
  port = 0;

  /** Where schema changes made by the running command are collected for the journal. */
  catalogSink?: Doc[];

  constructor(readonly logger: Logger) {
    this.catalog.onChange = (record) => this.catalogSink?.push(record);
  }
}
