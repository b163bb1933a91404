import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import mongoose from 'mongoose';
import type { ByteRange, FileStorage, StoredObject } from './FileStorage.js';
import { isStorageKey } from './FileStorage.js';

// The driver mongoose itself uses, so the bucket and mongoose's Db come from one copy of it.
const { GridFSBucket, ObjectId } = mongoose.mongo;
type Db = mongoose.mongo.Db;
type ObjectId = mongoose.mongo.ObjectId;

const ORPHAN_BATCH = 500;

/**
 * Ids whose chunks have no files document: an upload that died before the driver wrote it (a crash, or an abort
 * that failed). Ids are ObjectIds made when the upload began, so their time says how old the chunks are. Every
 * file has a chunk 0, so only those are read; the files documents are looked up per batch.
 */
async function* orphanChunkKeys(db: Db, before: Date): AsyncIterable<string> {
  const chunks = db.collection<{ files_id: ObjectId; n: number }>('uploads.chunks');
  const files = db.collection('uploads.files');
  const firstChunks = chunks.find({ files_id: { $lt: ObjectId.createFromTime(Math.floor(before.getTime() / 1000)) }, n: 0 }, { projection: { files_id: 1 } });
  let batch: ObjectId[] = [];
  const orphansOf = async (ids: ObjectId[]) => {
    const present = new Set((await files.find({ _id: { $in: ids } }, { projection: { _id: 1 } }).toArray()).map((f) => (f._id as ObjectId).toHexString()));
    return ids.map((id) => id.toHexString()).filter((key) => !present.has(key));
  };
  for await (const chunk of firstChunks) {
    batch.push(chunk.files_id);
    if (batch.length < ORPHAN_BATCH) continue;
    yield* await orphansOf(batch);
    batch = [];
  }
  if (batch.length) yield* await orphansOf(batch);
}

/**
 * Files in the database's `uploads` GridFS bucket, so every app instance reads what any instance stored. The driver
 * writes the files document only after the last chunk, and an upload that fails is aborted (its chunks deleted), so
 * a key exists only for a complete file.
 */
export function gridfsStorage(db: () => Db): FileStorage {
  const bucket = () => new GridFSBucket(db(), { bucketName: 'uploads' });
  const idOf = (key: string): ObjectId => {
    if (!isStorageKey(key) || key.length !== 24) throw new Error('invalid storage key');
    return new ObjectId(key);
  };

  return {
    kind: 'gridfs',
    async put(sourcePath, contentType): Promise<StoredObject> {
      const id = new ObjectId();
      const upload = bucket().openUploadStreamWithId(id, id.toHexString(), { metadata: { contentType } });
      try {
        await pipeline(createReadStream(sourcePath), upload);
      } catch (error) {
        await upload.abort().catch(() => undefined);
        throw error;
      }
      return { key: id.toHexString(), size: upload.length };
    },
    read(key: string, range?: ByteRange) {
      // GridFS counts `end` exclusively.
      return bucket().openDownloadStream(idOf(key), range ? { start: range.start, end: range.end + 1 } : {});
    },
    async remove(key) {
      try {
        await bucket().delete(idOf(key));
      } catch (error) {
        if (!(error instanceof Error && /not found/i.test(error.message))) throw error;
      }
    },
    async *keysStoredBefore(before) {
      for await (const file of bucket().find({ uploadDate: { $lt: before } }, { projection: { _id: 1 } })) {
        yield (file._id as ObjectId).toHexString();
      }
      yield* orphanChunkKeys(db(), before);
    },
  };
}
