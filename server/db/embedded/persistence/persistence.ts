import { mkdir, realpath, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Document, DeserializeOptions } from 'bson';
import { DEFAULT_DESERIALIZE_OPTIONS, encodeDocuments } from './bsonRecords.js';
import { acquireDbPathLock } from './dbPathLock.js';
import { encodeFrame } from './frameCodec.js';
import { replayJournal } from './journalReplay.js';
import { JournalWriter } from './journalWriter.js';
import { readSnapshot, writeSnapshot } from './snapshotFile.js';
import type { SnapshotWriteStep } from './snapshotFile.js';
import { SNAPSHOT_FILE, SNAPSHOT_TEMP_FILE, journalFileName, listJournals, syncDirectory } from './storageLayout.js';
import type { SyncObserver } from './storageLayout.js';

export interface Persistence {
  /** Replays the snapshot (each stored doc → onSnapshotDoc) then the journal records in order (→ onRecord). */
  load(
    onSnapshotDoc: (doc: Document) => void,
    onRecord: (rec: Document) => void,
  ): Promise<{ snapshotDocs: number; records: number; tornBytesDropped: number }>;
  /** Appends records as one group (replayed all or nothing); resolves only after the bytes are fsynced. */
  append(records: Document[]): Promise<void>;
  /**
   * Cuts the journal (at once, or when an earlier compaction finishes) and writes `snapshotDocs()` as
   * the new snapshot. `snapshotDocs` is called in the same synchronous turn as the cut, and what it
   * yields must be the state with every record appended before the cut and none after: apply a
   * write in memory no later than calling append(), and iterate a frozen view (or hold writes)
   * until compact() resolves. Records appended after the cut go to the new journal.
   */
  compact(snapshotDocs: () => Iterable<Document>): Promise<void>;
  /** Bytes in the journal since the last compaction (so the engine can decide when to compact). */
  journalBytes(): number;
  /** Flushes, releases the lock. */
  close(): Promise<void>;
}

export interface PersistenceLogger {
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}

export type CompactionStep = 'journalRotated' | SnapshotWriteStep | 'oldJournalsRemoved';

export interface PersistenceOptions {
  /** Decoding for replayed documents; defaults to the wire codec's. */
  deserializeOptions?: DeserializeOptions;
  /** Called after every fsync, to measure group commit; throwing from it acts as a failed fsync. */
  onSync?: SyncObserver;
  /** Test hook run after each compaction step; throwing aborts the compaction there like a crash. */
  afterCompactionStep?: (step: CompactionStep) => void | Promise<void>;
}

type State = 'opened' | 'loading' | 'ready' | 'closed';

class DbPathPersistence implements Persistence {
  private state: State = 'opened';
  private writer: JournalWriter | null = null;
  /** Journals still needed for replay besides the active one, with their sizes. */
  private sealedJournals = new Map<number, number>();
  private snapshotGeneration = 0;
  private compactions: Promise<void> = Promise.resolve();

  constructor(
    private readonly dbPath: string,
    private readonly logger: PersistenceLogger,
    private readonly options: PersistenceOptions,
    private readonly lock: { release(): Promise<void> },
  ) {}

  async load(onSnapshotDoc: (doc: Document) => void, onRecord: (rec: Document) => void) {
    if (this.state !== 'opened') throw new Error(`load() called when persistence is ${this.state}`);
    this.state = 'loading';
    const deserializeOptions = this.options.deserializeOptions ?? DEFAULT_DESERIALIZE_OPTIONS;
    // A temp snapshot is a compaction that never reached its rename: never part of the state.
    await rm(path.join(this.dbPath, SNAPSHOT_TEMP_FILE), { force: true });

    let snapshotDocs = 0;
    const snapshotFile = path.join(this.dbPath, SNAPSHOT_FILE);
    if (await exists(snapshotFile)) {
      const snapshot = await readSnapshot(snapshotFile, deserializeOptions, onSnapshotDoc);
      this.snapshotGeneration = snapshot.generation;
      snapshotDocs = snapshot.docs;
    }

    const journals = await listJournals(this.dbPath);
    const live = journals.filter((journal) => journal.generation >= this.snapshotGeneration);
    let records = 0;
    let tornBytesDropped = 0;
    for (const [index, journal] of live.entries()) {
      const isNewest = index === live.length - 1;
      const result = await replayJournal(
        { file: journal.file, mayEndTorn: isNewest, deserializeOptions, warn: (obj, msg) => this.logger.warn(obj, msg) },
        onRecord,
      );
      records += result.records;
      tornBytesDropped += result.tornBytesDropped;
      if (!isNewest) this.sealedJournals.set(journal.generation, result.bytes);
    }

    const activeGeneration = live.at(-1)?.generation ?? Math.max(this.snapshotGeneration, 1);
    this.writer = await JournalWriter.open(this.dbPath, activeGeneration, this.options.onSync);
    await this.removeJournalsBefore(this.snapshotGeneration);
    this.state = 'ready';
    this.logger.info(
      { dbPath: this.dbPath, snapshotDocs, records, tornBytesDropped, journalGeneration: activeGeneration },
      'embedded store state loaded from disk',
    );
    return { snapshotDocs, records, tornBytesDropped };
  }

  append(records: Document[]): Promise<void> {
    try {
      const writer = this.readyWriter();
      if (records.length === 0) return Promise.resolve();
      // Encoded now, so the caller may change its objects as soon as this returns.
      return writer.append(encodeFrame(encodeDocuments(records)));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  compact(snapshotDocs: () => Iterable<Document>): Promise<void> {
    if (this.state !== 'ready') return Promise.reject(new Error(`persistence is ${this.state}, not ready to compact`));
    const run = this.compactions.then(() => this.compactNow(snapshotDocs));
    this.compactions = run.catch(() => undefined);
    return run;
  }

  journalBytes(): number {
    let sealed = 0;
    for (const bytes of this.sealedJournals.values()) sealed += bytes;
    return sealed + (this.writer?.activeBytes ?? 0);
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'closed';
    try {
      await this.compactions;
      await this.writer?.close();
    } finally {
      await this.lock.release();
    }
  }

  private readyWriter(): JournalWriter {
    if (this.state !== 'ready' || !this.writer) throw new Error(`persistence is ${this.state}, not ready for writes`);
    return this.writer;
  }

  private async compactNow(snapshotDocs: () => Iterable<Document>): Promise<void> {
    const writer = this.readyWriter();
    const sealedGeneration = writer.activeGeneration;
    const generation = sealedGeneration + 1;
    // The cut: appends queued before this line land in the sealed journal, later ones in the new one,
    // and the snapshot is taken in this same turn, so it matches the sealed journals exactly.
    const rotated = writer.rotate(generation).then(async () => {
      const sealedFile = path.join(this.dbPath, journalFileName(sealedGeneration));
      this.sealedJournals.set(sealedGeneration, (await stat(sealedFile)).size);
    });
    let docs: Iterable<Document>;
    try {
      docs = snapshotDocs();
    } catch (error) {
      await rotated.catch(() => undefined);
      throw error;
    }
    await rotated;
    const afterStep = async (step: CompactionStep) => {
      await this.options.afterCompactionStep?.(step);
    };
    await afterStep('journalRotated');

    let renamed = false;
    try {
      const written = await writeSnapshot({
        dbPath: this.dbPath,
        generation,
        docs,
        observe: this.options.onSync,
        afterStep: async (step) => {
          if (step === 'snapshotRenamed') {
            renamed = true;
            this.adoptSnapshot(generation);
          }
          await afterStep(step);
        },
      });
      this.logger.info({ dbPath: this.dbPath, generation, ...written }, 'embedded store compacted');
    } catch (error) {
      if (!renamed) await rm(path.join(this.dbPath, SNAPSHOT_TEMP_FILE), { force: true });
      throw error;
    }
    await this.removeJournalsBefore(generation);
    await afterStep('oldJournalsRemoved');
  }

  /** From the rename on, journals below `generation` are obsolete whatever happens next. */
  private adoptSnapshot(generation: number): void {
    this.snapshotGeneration = generation;
    for (const sealed of [...this.sealedJournals.keys()]) if (sealed < generation) this.sealedJournals.delete(sealed);
  }

  private async removeJournalsBefore(generation: number): Promise<void> {
    const obsolete = (await listJournals(this.dbPath)).filter((journal) => journal.generation < generation);
    if (obsolete.length === 0) return;
    for (const journal of obsolete) await unlink(journal.file);
    await syncDirectory(this.dbPath, this.options.onSync);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Opens (creating if needed) a dbPath and takes its lock; call load() before anything else. */
export async function openPersistence(
  dbPath: string,
  logger: PersistenceLogger,
  options: PersistenceOptions = {},
): Promise<Persistence> {
  await mkdir(dbPath, { recursive: true });
  // The real path, so two spellings of one directory (relative, symlinked) share one lock.
  const resolved = await realpath(dbPath);
  const lock = await acquireDbPathLock(resolved, (obj, msg) => logger.warn(obj, msg));
  return new DbPathPersistence(resolved, logger, options, lock);
}
