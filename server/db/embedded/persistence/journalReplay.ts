import { open } from 'node:fs/promises';
import type { Document, DeserializeOptions } from 'bson';
import { decodeDocuments } from './bsonRecords.js';
import { JournalCorruptionError } from './errors.js';
import { findValidFrameAfter, readFrames } from './frameReader.js';
import type { Damage } from './frameReader.js';

export interface JournalReplayResult {
  records: number;
  /** Size of the journal once any torn tail is cut off. */
  bytes: number;
  tornBytesDropped: number;
}

interface ReplayOptions {
  file: string;
  /** Only the newest journal can end in a torn write; older ones were fsynced before the next one began. */
  mayEndTorn: boolean;
  deserializeOptions: DeserializeOptions;
  warn(obj: object, msg?: string): void;
}

/**
 * Replays one journal's records in order. A damaged final group that nothing valid follows is a
 * write cut short by a crash: it was never acknowledged, so it is cut off with a warning.
 * Damage with valid frames after it is corruption of acknowledged data and stops the load.
 */
export async function replayJournal(options: ReplayOptions, onRecord: (rec: Document) => void): Promise<JournalReplayResult> {
  const handle = await open(options.file, 'r+');
  try {
    const { size } = await handle.stat();
    let records = 0;
    let damage: Damage | null = null;
    for await (const item of readFrames(handle, size)) {
      if (item.kind === 'damage') {
        damage = item;
        break;
      }
      const group = decodeGroup(options, item.offset, item.payload);
      for (const record of group) onRecord(record);
      records += group.length;
    }
    if (!damage) return { records, bytes: size, tornBytesDropped: 0 };

    const followedByValidFrame =
      damage.nextFrameFrom === null ? null : await findValidFrameAfter(handle, size, damage.nextFrameFrom);
    if (!options.mayEndTorn || followedByValidFrame !== null) {
      throw new JournalCorruptionError(options.file, damage.offset, damage.reason);
    }
    const tornBytesDropped = size - damage.offset;
    options.warn(
      { journal: options.file, offset: damage.offset, tornBytesDropped, reason: damage.reason },
      'dropping a torn final journal write left by a crash (it was never acknowledged)',
    );
    await handle.truncate(damage.offset);
    await handle.sync();
    return { records, bytes: damage.offset, tornBytesDropped };
  } finally {
    await handle.close();
  }
}

/** Decodes a whole group before applying any of it, so a group is replayed all or nothing. */
function decodeGroup(options: ReplayOptions, offset: number, payload: Buffer): Document[] {
  try {
    return [...decodeDocuments(payload, options.deserializeOptions)];
  } catch (error) {
    // The checksum matched, so these bytes are what was written: a writer bug, not disk damage.
    throw new JournalCorruptionError(options.file, offset, `checksummed group is not valid BSON: ${(error as Error).message}`);
  }
}
