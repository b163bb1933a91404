import type { Collection } from './collection.js';
import type { Doc } from './values.js';

/** Receives every document change a command makes, for the journal and for transaction rollback. */
export interface WriteContext {
  recordWrite(collection: Collection, id: string, before: Doc | undefined, after: Doc | undefined): void;
}
