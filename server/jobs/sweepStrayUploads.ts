import { randomBytes } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { removeUnclaimedAttachments, UNCLAIMED_ATTACHMENT_AGE_MS } from '../domain/attachments/removeUnclaimedAttachments.js';
import { liveStorageKeys } from '../domain/files/liveStorageKeys.js';
import { describeError } from '../logger.js';
import { jobLockKey } from '../redis/keys.js';
import type { KeyValueStore } from '../redis/kv.js';
import type { FileStorage } from '../storage/FileStorage.js';

/** Uploads finish (temp file to stored object to record) in seconds; an hour leaves no doubt something was dropped. */
export const STRAY_AGE_MS = 60 * 60 * 1000;
const SWEEP_INTERVAL_MS = 15 * 60 * 1000;
/** Keys checked against the records per query. */
const BATCH_SIZE = 500;
const JOB = 'sweep-stray-uploads';

export interface StraySweepResult {
  tempFilesRemoved: number;
  objectsRemoved: number;
  unclaimedAttachmentsRemoved: number;
}

export interface StraySweepTarget {
  storage: FileStorage;
  /** multer's temp dir (FileServices.tempDir). */
  tempDir: string;
}

async function sweepTempDir(tempDir: string, olderThan: Date): Promise<number> {
  let removed = 0;
  for (const name of await readdir(tempDir).catch(() => [] as string[])) {
    const file = path.join(tempDir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || info.mtime >= olderThan) continue;
    await rm(file, { force: true });
    removed += 1;
  }
  return removed;
}

async function removeUnreferenced(storage: FileStorage, keys: string[]): Promise<number> {
  const live = await liveStorageKeys(keys);
  let removed = 0;
  for (const key of keys) {
    if (live.has(key)) continue;
    await storage.remove(key);
    removed += 1;
  }
  return removed;
}

/**
 * Removes what interrupted or failed uploads left behind: temp files older than `olderThan`, and stored objects
 * older than it that no live resource version points at. Idempotent; any instance may run it.
 */
export async function sweepStrayUploads({ storage, tempDir }: StraySweepTarget, olderThan: Date, { batchSize = BATCH_SIZE } = {}): Promise<Omit<StraySweepResult, 'unclaimedAttachmentsRemoved'>> {
  const tempFilesRemoved = await sweepTempDir(tempDir, olderThan);
  let objectsRemoved = 0;
  let batch: string[] = [];
  for await (const key of storage.keysStoredBefore(olderThan)) {
    batch.push(key);
    if (batch.length < batchSize) continue;
    objectsRemoved += await removeUnreferenced(storage, batch);
    batch = [];
  }
  objectsRemoved += await removeUnreferenced(storage, batch);
  return { tempFilesRemoved, objectsRemoved };
}

/**
 * One scheduled run, on one instance only: the first to `SET NX PX` the lock runs; the lock is left to expire just
 * before the next interval, so instances whose timers fire later in the same interval skip it. null when skipped.
 */
export async function runStraySweepOnce(
  target: StraySweepTarget,
  { kv, logger, lockMs = SWEEP_INTERVAL_MS - 1_000, now = new Date() }: { kv: KeyValueStore; logger: Logger; lockMs?: number; now?: Date },
): Promise<StraySweepResult | null> {
  if (!(await kv.setIfAbsent(jobLockKey(JOB), randomBytes(8).toString('hex'), lockMs))) return null;
  const unclaimedAttachmentsRemoved = await removeUnclaimedAttachments(target.storage, new Date(now.getTime() - UNCLAIMED_ATTACHMENT_AGE_MS));
  const result = { ...(await sweepStrayUploads(target, new Date(now.getTime() - STRAY_AGE_MS))), unclaimedAttachmentsRemoved };
  if (result.tempFilesRemoved || result.objectsRemoved || unclaimedAttachmentsRemoved) logger.info(result, 'stray uploads removed');
  return result;
}

/** Runs the sweep every 15 minutes; the timer never keeps the process alive. Returns the stop function for close. */
export function scheduleStraySweep(target: StraySweepTarget, deps: { kv: KeyValueStore; logger: Logger }): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runStraySweepOnce(target, deps)
      // A failed run is retried by the next interval; the sweep is idempotent.
      .catch((error: unknown) => deps.logger.warn({ err: describeError(error) }, 'stray upload sweep failed; retrying next interval'))
      .finally(() => {
        running = false;
      });
  }, SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
