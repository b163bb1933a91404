import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Document, DeserializeOptions } from 'bson';
import { decodeDocuments, encodeDocuments, serializeDocument } from './bsonRecords.js';
import { SnapshotCorruptionError } from './errors.js';
import { encodeFrame } from './frameCodec.js';
import { readFrames } from './frameReader.js';
import { SNAPSHOT_FILE, SNAPSHOT_TEMP_FILE, syncDirectory } from './storageLayout.js';
import type { SyncObserver } from './storageLayout.js';

/**
 * A snapshot is a header frame `{format, version, generation}`, frames of documents packed up to
 * about 1 MiB each, and a trailer frame `{end: true, docs}` that proves the file is complete.
 */
const FORMAT = 'tfc-embedded-snapshot';
const VERSION = 1;
const TARGET_FRAME_PAYLOAD = 1024 * 1024;

export interface SnapshotHeader {
  generation: number;
}

/** Steps a compaction passes through; a test hook runs after each to simulate a crash there. */
export type SnapshotWriteStep = 'snapshotPartial' | 'snapshotSynced' | 'snapshotRenamed' | 'directorySynced';

interface WriteOptions {
  dbPath: string;
  generation: number;
  docs: Iterable<Document>;
  observe?: SyncObserver;
  afterStep(step: SnapshotWriteStep): Promise<void>;
}

/** Writes the temp file, fsyncs it, renames it over the snapshot and fsyncs the directory. */
export async function writeSnapshot(options: WriteOptions): Promise<{ docs: number; bytes: number }> {
  const tempFile = path.join(options.dbPath, SNAPSHOT_TEMP_FILE);
  const handle = await open(tempFile, 'w');
  let docs = 0;
  let bytes = 0;
  try {
    const writeFrame = async (payload: Buffer): Promise<void> => {
      const frame = encodeFrame(payload);
      for (let written = 0; written < frame.length; ) {
        written += (await handle.write(frame, written, frame.length - written)).bytesWritten;
      }
      bytes += frame.length;
    };
    await writeFrame(serializeDocument({ format: FORMAT, version: VERSION, generation: options.generation }));
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let reportedPartial = false;
    for (const doc of options.docs) {
      const encoded = serializeDocument(doc);
      pending.push(encoded);
      pendingBytes += encoded.length;
      docs++;
      if (pendingBytes < TARGET_FRAME_PAYLOAD) continue;
      await writeFrame(Buffer.concat(pending));
      pending = [];
      pendingBytes = 0;
      if (!reportedPartial) {
        reportedPartial = true;
        await options.afterStep('snapshotPartial');
      }
    }
    if (pending.length > 0) await writeFrame(Buffer.concat(pending));
    await writeFrame(encodeDocuments([{ end: true, docs }]));
    await handle.sync();
    options.observe?.('snapshot');
  } finally {
    await handle.close();
  }
  await options.afterStep('snapshotSynced');
  await rename(tempFile, path.join(options.dbPath, SNAPSHOT_FILE));
  await options.afterStep('snapshotRenamed');
  await syncDirectory(options.dbPath, options.observe);
  await options.afterStep('directorySynced');
  return { docs, bytes };
}

/**
 * Streams the snapshot: reads its header, then hands each document to `onDoc` unless `onDoc` is
 * omitted (header only). A snapshot is renamed into place only after an fsync, so any damage is
 * corruption, never a torn write.
 */
export async function readSnapshot(
  file: string,
  deserializeOptions: DeserializeOptions,
  onDoc?: (doc: Document) => void,
): Promise<SnapshotHeader & { docs: number }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    let header: SnapshotHeader | null = null;
    let docs = 0;
    let previousEnd = 0;
    for await (const item of readFrames(handle, size)) {
      if (item.kind === 'damage') throw new SnapshotCorruptionError(file, item.offset, item.reason);
      if (!header) {
        header = parseHeader(file, item.payload);
        if (!onDoc) return { ...header, docs: 0 };
      } else if (item.end === size) {
        const [trailer] = decodeDocuments(item.payload, deserializeOptions);
        if (trailer?.end !== true || trailer.docs !== docs) {
          throw new SnapshotCorruptionError(file, item.offset, `trailer says ${String(trailer?.docs)} documents, found ${docs}`);
        }
        return { ...header, docs };
      } else {
        for (const doc of decodeDocuments(item.payload, deserializeOptions)) {
          onDoc?.(doc);
          docs++;
        }
      }
      previousEnd = item.end;
    }
    throw new SnapshotCorruptionError(file, previousEnd, header ? 'missing trailer' : 'empty file');
  } finally {
    await handle.close();
  }
}

function parseHeader(file: string, payload: Buffer): SnapshotHeader {
  const [header] = decodeDocuments(payload, { promoteValues: true, promoteLongs: true });
  if (header?.format !== FORMAT || header.version !== VERSION || !Number.isInteger(header.generation)) {
    throw new SnapshotCorruptionError(file, 0, 'not a snapshot header');
  }
  return { generation: header.generation as number };
}
