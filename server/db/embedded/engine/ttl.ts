import type { StoreState } from './storeState.js';
import { JournalBuffer } from './journalBuffer.js';
import type { Doc } from './values.js';

/** Deletes documents whose TTL-indexed date is older than the index's expireAfterSeconds. */
export async function sweepExpired(state: StoreState, now = Date.now()): Promise<number> {
  const records: Doc[] = [];
  const journal = new JournalBuffer(records);
  let removed = 0;
  for (const collection of state.catalog.allCollections()) {
    for (const index of collection.indexes.values()) {
      const seconds = index.spec.expireAfterSeconds;
      if (typeof seconds !== 'number' || index.fields.length !== 1) continue;
      // The index holds dates in order, so only the expired range is read (an array expires by its earliest date).
      const cutoff = new Date(now - seconds * 1000);
      const expiredIds = new Set<string>();
      for (const entry of index.scan([], { upper: { value: cutoff, inclusive: true } })) expiredIds.add(entry.id);
      const expired = [...expiredIds].map((id) => collection.docs.get(id)).filter((doc): doc is Doc => doc !== undefined);
      for (const doc of expired) collection.delete(doc, journal);
      removed += expired.length;
    }
  }
  if (records.length && state.journal) await state.journal.append(records);
  return removed;
}

/** Runs the TTL sweep (and idle cursor expiry) periodically; MongoDB's TTL monitor runs every 60 s. */
export function startTtlMonitor(state: StoreState, intervalMs: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    state.cursors.expireIdle();
    if (running || state.transactions.isActive) return;
    running = true;
    sweepExpired(state)
      .catch((error: unknown) => state.logger.error({ err: error }, 'embedded mongo: TTL sweep failed'))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
