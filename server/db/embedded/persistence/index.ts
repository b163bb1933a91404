/**
 * Durability for the embedded store when it runs with a dbPath. On disk: `LOCK` (holder pid),
 * `snapshot.bson` (generation G plus documents) and `journal-<generation>.log` files of
 * checksummed record groups; replay is the snapshot, then journals numbered G and above.
 */
export { openPersistence } from './persistence.js';
export type { CompactionStep, Persistence, PersistenceLogger, PersistenceOptions } from './persistence.js';
export { DEFAULT_DESERIALIZE_OPTIONS } from './bsonRecords.js';
export { DbPathLockedError, JournalCorruptionError, PersistenceFailedError, SnapshotCorruptionError } from './errors.js';
export type { SyncKind } from './storageLayout.js';
