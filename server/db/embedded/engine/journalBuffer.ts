import type { Collection } from './collection.js';
import type { Doc } from './values.js';
import type { WriteContext } from './writeContext.js';

/** The durable form of one document change: the whole new image, or the deleted `_id`. */
export function journalRecord(collection: Collection, before: Doc | undefined, after: Doc | undefined): Doc {
  return after === undefined ? { op: 'd', ns: collection.ns, id: before?._id } : { op: 'w', ns: collection.ns, doc: after };
}

/** Collects the changes of one auto-commit command, written to the journal before the reply. */
export class JournalBuffer implements WriteContext {
  constructor(readonly records: Doc[]) {}

  recordWrite(collection: Collection, _id: string, before: Doc | undefined, after: Doc | undefined): void {
    this.records.push(journalRecord(collection, before, after));
  }
}
