import { noSuchTransaction, writeConflict, CommandError } from '../errors.js';
import type { Collection } from './collection.js';
import type { Doc } from './values.js';
import type { WriteContext } from './writeContext.js';
import { journalRecord } from './journalBuffer.js';

const LOCK_WAIT_MS = 10_000;
const TRANSACTION_LIFETIME_MS = 60_000;

interface UndoEntry {
  collection: Collection;
  id: string;
  before: Doc | undefined;
}

/** An open multi-document transaction; its writes are applied at once and rolled back from `undo` on abort. */
export class Transaction implements WriteContext {
  readonly undo: UndoEntry[] = [];
  readonly journal: Doc[] = [];
  /** Per collection, the committed image of every document this transaction changed (undefined: absent). */
  readonly committed = new Map<Collection, Map<string, Doc | undefined>>();
  timer?: NodeJS.Timeout;

  constructor(
    readonly sessionKey: string,
    readonly txnNumber: number,
  ) {}

  recordWrite(collection: Collection, id: string, before: Doc | undefined, after: Doc | undefined): void {
    this.undo.push({ collection, id, before });
    let images = this.committed.get(collection);
    if (!images) this.committed.set(collection, (images = new Map()));
    if (!images.has(id)) images.set(id, before);
    this.journal.push(journalRecord(collection, id, before, after));
  }
}

/**
 * One writer transaction at a time: a second transaction waits for the first to end, so no transaction
 * ever sees another's uncommitted writes.
 */
export class TransactionManager {
  private active?: Transaction;
  private readonly waiters: (() => void)[] = [];

  get isActive(): boolean {
    return this.active !== undefined;
  }

  async begin(sessionKey: string, txnNumber: number): Promise<Transaction> {
    if (this.active?.sessionKey === sessionKey) this.rollback(this.active);
    const deadline = Date.now() + LOCK_WAIT_MS;
    while (this.active) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw writeConflict();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const txn = new Transaction(sessionKey, txnNumber);
    txn.timer = setTimeout(() => this.active === txn && this.rollback(txn), TRANSACTION_LIFETIME_MS);
    txn.timer.unref();
    this.active = txn;
    return txn;
  }

  /** What readers outside the transaction must see instead of its uncommitted changes to `collection`. */
  hiddenChanges(collection: Collection, reader?: Transaction): Map<string, Doc | undefined> | undefined {
    if (!this.active || this.active === reader) return undefined;
    return this.active.committed.get(collection);
  }

  /** Resolves once no transaction holds uncommitted changes to `collection` (a conflicting write waits, as in MongoDB). */
  async waitForCollection(collection: Collection): Promise<void> {
    while (this.active?.committed.has(collection)) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  current(sessionKey: string, txnNumber: number): Transaction {
    const txn = this.active;
    if (!txn || txn.sessionKey !== sessionKey || txn.txnNumber !== txnNumber) throw noSuchTransaction(String(txnNumber));
    return txn;
  }

  /** Ends the transaction keeping its writes; returns the journal records to make durable. */
  commit(sessionKey: string, txnNumber: number): Doc[] {
    const txn = this.active;
    if (!txn || txn.sessionKey !== sessionKey) throw noSuchTransaction(String(txnNumber));
    if (txn.txnNumber !== txnNumber) throw new CommandError(251, 'NoSuchTransaction', `Transaction ${txnNumber} is not active`);
    this.release(txn);
    return txn.journal;
  }

  abort(sessionKey: string, txnNumber: number): void {
    const txn = this.active;
    if (!txn || txn.sessionKey !== sessionKey || txn.txnNumber !== txnNumber) throw noSuchTransaction(String(txnNumber));
    this.rollback(txn);
  }

  /** Aborts whatever the ended sessions still hold open. */
  endSessions(sessionKeys: string[]): void {
    if (this.active && sessionKeys.includes(this.active.sessionKey)) this.rollback(this.active);
  }

  private rollback(txn: Transaction): void {
    for (let i = txn.undo.length - 1; i >= 0; i--) {
      const { collection, id, before } = txn.undo[i];
      collection.restore(id, before);
    }
    this.release(txn);
  }

  private release(txn: Transaction): void {
    clearTimeout(txn.timer);
    if (this.active === txn) this.active = undefined;
    this.waiters.splice(0).forEach((wake) => wake());
  }
}
