import type { Projector } from '../query/projection.js';
import { Binary } from 'bson';
import { isPlainObject, type Doc } from './values.js';

export interface OpenCursor {
  id: bigint;
  ns: string;
  docs: Doc[];
  position: number;
  project: Projector;
  scores?: (doc: Doc) => number | undefined;
  lastUsed: number;
}

const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 16 * 1024;
/** MongoDB's cursorTimeoutMillis default: cursors a client abandoned are freed after ten idle minutes. */
const CURSOR_IDLE_MS = 10 * 60 * 1000;

/** Cursors left open between getMore calls. */
export class CursorRegistry {
  private readonly open = new Map<bigint, OpenCursor>();
  private nextId = 1n;

  get size() {
    return this.open.size;
  }

  /** Returns the first batch and the cursor id (0 when everything fit). */
  start(ns: string, docs: Doc[], batchSize: number | undefined, project: Projector, scores?: OpenCursor['scores'], singleBatch = false) {
    const cursor: OpenCursor = { id: this.nextId++, ns, docs, position: 0, project, scores, lastUsed: Date.now() };
    const batch = this.take(cursor, batchSize ?? 101);
    if (singleBatch || cursor.position >= docs.length) return { id: 0n, batch };
    this.open.set(cursor.id, cursor);
    return { id: cursor.id, batch };
  }

  get(id: bigint): OpenCursor | undefined {
    const cursor = this.open.get(id);
    if (cursor) cursor.lastUsed = Date.now();
    return cursor;
  }

  /** Frees cursors idle longer than the timeout; returns how many. */
  expireIdle(now = Date.now()): number {
    let expired = 0;
    for (const [id, cursor] of this.open) {
      if (now - cursor.lastUsed > CURSOR_IDLE_MS) {
        this.open.delete(id);
        expired++;
      }
    }
    return expired;
  }

  more(cursor: OpenCursor, batchSize: number | undefined): { id: bigint; batch: Doc[] } {
    const batch = this.take(cursor, batchSize ?? Number.MAX_SAFE_INTEGER);
    if (cursor.position >= cursor.docs.length) {
      this.open.delete(cursor.id);
      return { id: 0n, batch };
    }
    return { id: cursor.id, batch };
  }

  kill(id: bigint): boolean {
    return this.open.delete(id);
  }

  private take(cursor: OpenCursor, batchSize: number): Doc[] {
    const size = batchSize <= 0 ? Number.MAX_SAFE_INTEGER : batchSize;
    const slice = cursor.docs.slice(cursor.position, cursor.position + Math.min(size, 100_000));
    const projected = cursor.project(slice, cursor.scores);
    let bytes = 0;
    let count = 0;
    for (const doc of projected) {
      bytes += estimateSize(doc);
      if (count > 0 && bytes > MAX_BATCH_BYTES) break;
      count++;
    }
    cursor.position += count;
    return projected.slice(0, count);
  }
}

/** A cheap size estimate that errs high; exact BSON sizing of every document would double the work. */
function estimateSize(doc: Doc): number {
  let size = 0;
  const stack: unknown[] = [doc];
  while (stack.length) {
    const value = stack.pop();
    if (typeof value === 'string') {
      size += value.length * 3 + 8;
    } else if (value instanceof Binary) {
      size += value.position + 8;
    } else if (Array.isArray(value)) {
      size += value.length * 4;
      stack.push(...value);
    } else if (isPlainObject(value)) {
      for (const [key, field] of Object.entries(value)) {
        size += key.length + 2;
        stack.push(field);
      }
    } else {
      size += 16;
    }
  }
  return size;
}
