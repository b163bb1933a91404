import { Binary } from 'bson';
import type { Collection } from './collection.js';
import type { Doc } from './values.js';
import type { WriteContext } from './writeContext.js';

/**
 * The durable form of one document change: the whole new image as the BSON bytes the collection just stored
 * (copied, so later writes cannot change it), or the deleted `_id`. Called right after the collection stored `after`.
 */
export function journalRecord(collection: Collection, id: string, before: Doc | undefined, after: Doc | undefined): Doc {
  if (after === undefined) return { op: 'd', ns: collection.ns, id: before?._id };
  const raw = collection.docs.bytesOf(id);
  return raw ? { op: 'w', ns: collection.ns, raw: new Binary(Buffer.from(raw)) } : { op: 'w', ns: collection.ns, doc: after };
}

/** Collects the changes of one auto-commit command, written to the journal before the reply. */
export class JournalBuffer implements WriteContext {
  constructor(readonly records: Doc[]) {}

  recordWrite(collection: Collection, id: string, before: Doc | undefined, after: Doc | undefined): void {
    this.records.push(journalRecord(collection, id, before, after));
  }
}
