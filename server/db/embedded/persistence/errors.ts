/** Another live process (or another open store in this process) holds the dbPath. */
export class DbPathLockedError extends Error {
  override readonly name = 'DbPathLockedError';
  constructor(
    readonly dbPath: string,
    readonly holderPid: number,
  ) {
    super(`dbPath ${dbPath} is locked by process ${holderPid} (see its LOCK file); stop that process or use another dbPath`);
  }
}

/**
 * Damage that cannot be a torn final write: dropping it would lose acknowledged
 * records, so the store refuses to start instead of guessing.
 */
export class JournalCorruptionError extends Error {
  override readonly name = 'JournalCorruptionError';
  constructor(
    readonly file: string,
    readonly offset: number,
    reason: string,
  ) {
    super(`journal ${file} is corrupt at byte ${offset} (${reason}) and valid records follow; refusing to drop them`);
  }
}

export class SnapshotCorruptionError extends Error {
  override readonly name = 'SnapshotCorruptionError';
  constructor(
    readonly file: string,
    readonly offset: number,
    reason: string,
  ) {
    super(`snapshot ${file} is corrupt at byte ${offset} (${reason})`);
  }
}

/** Raised for every call after a write or fsync failed: the on-disk state is no longer known. */
export class PersistenceFailedError extends Error {
  override readonly name = 'PersistenceFailedError';
  constructor(override readonly cause: unknown) {
    super(`persistence stopped after an I/O failure: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
