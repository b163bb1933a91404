import { Binary, deserialize } from 'bson';
import { serializeDocument } from '../persistence/bsonRecords.js';
import { normalizeDecoded } from './numbers.js';
import { splitNamespace, type Catalog, type CatalogRecord } from './catalog.js';
import { normalizeIndexSpec } from './indexSpec.js';
import { valueKey, type Doc } from './values.js';

const RAW_DECODE = { promoteLongs: false, promoteValues: false, promoteBuffers: false, validation: { utf8: false } } as const;

/**
 * A document write carries its document as BSON bytes (`raw`), decoded here without number promotion, because the
 * persistence layer decodes records with promotion and a whole-number Double or a small Long would come back as an
 * Int32. Older journals hold the document itself in `doc`.
 */
export function encodeRecord(record: Doc): Doc {
  if (record.op !== 'w' || !record.doc) return record;
  return { op: 'w', ns: record.ns, raw: new Binary(serializeDocument(record.doc as Doc)) };
}

function recordDocument(record: Doc): Doc {
  if (record.raw instanceof Binary) return normalizeDecoded(deserialize(record.raw.buffer.subarray(0, record.raw.position), RAW_DECODE));
  return record.doc as Doc;
}

/** Applies one journal or snapshot record to the in-memory catalog (without journaling it again). */
export function applyRecord(catalog: Catalog, record: Doc): void {
  const op = record.op as string;
  if (op === 'w' || op === 'd') {
    const [db, name] = splitNamespace(String(record.ns));
    const collection = catalog.ensure(db, name);
    if (op === 'w') {
      const doc = recordDocument(record);
      collection.restore(valueKey(doc._id), doc);
    } else {
      collection.restore(valueKey(record.id), undefined);
    }
    return;
  }
  const change = record as CatalogRecord;
  switch (change.op) {
    case 'create': {
      const [db, name] = splitNamespace(change.ns);
      catalog.ensure(db, name, change.options ?? {});
      return;
    }
    case 'drop': {
      const [db, name] = splitNamespace(change.ns);
      catalog.drop(db, name);
      return;
    }
    case 'dropDatabase':
      catalog.dropDatabase(change.db);
      return;
    case 'createIndex': {
      const [db, name] = splitNamespace(change.ns);
      catalog.ensure(db, name).createIndex(normalizeIndexSpec(change.spec));
      return;
    }
    case 'dropIndex': {
      const [db, name] = splitNamespace(change.ns);
      catalog.get(db, name)?.dropIndex(change.name);
      return;
    }
    case 'rename':
      catalog.rename(change.from, change.to, true);
      return;
  }
}

/** The whole catalog as records that rebuild it: collections, their indexes, then every document. */
export function* snapshotRecords(catalog: Catalog): Generator<Doc> {
  for (const collection of catalog.allCollections()) {
    yield { op: 'create', ns: collection.ns, options: collection.options };
    for (const spec of collection.indexSpecs()) if (spec.name !== '_id_') yield { op: 'createIndex', ns: collection.ns, spec };
    for (const doc of collection.docs.values()) yield { op: 'w', ns: collection.ns, doc };
  }
}
