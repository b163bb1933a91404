import type { Logger } from 'pino';
import { openPersistence, type Persistence } from '../persistence/index.js';
import { applyRecord, encodeRecord, snapshotRecords } from './replay.js';
import type { StoreState } from './storeState.js';
import type { Doc } from './values.js';

const COMPACT_AFTER_JOURNAL_BYTES = 64 * 1024 * 1024;

/**
 * Loads the dbPath into memory and routes every acknowledged change through the journal.
 * Compaction waits until no transaction is open, since the in-memory state then holds no uncommitted writes.
 */
export async function attachPersistence(state: StoreState, dbPath: string, logger: Logger): Promise<Persistence> {
  const persistence = await openPersistence(dbPath, logger);
  const started = Date.now();
  const loaded = await persistence.load(
    (doc) => applyRecord(state.catalog, doc),
    (record) => applyRecord(state.catalog, record),
  );
  logger.info({ dbPath, ...loaded, ms: Date.now() - started }, 'embedded mongo: data loaded');
  let compacting: Promise<void> | undefined;
  const maybeCompact = () => {
    if (compacting || state.transactions.isActive || persistence.journalBytes() < COMPACT_AFTER_JOURNAL_BYTES) return;
    compacting = persistence
      .compact(() => [...snapshotRecords(state.catalog)].map(encodeRecord))
      .catch((error: unknown) => logger.error({ err: error }, 'embedded mongo: compaction failed'))
      .finally(() => (compacting = undefined));
  };
  state.journal = {
    async append(records: Doc[]) {
      await persistence.append(records.map(encodeRecord));
      maybeCompact();
    },
  };
  return persistence;
}
