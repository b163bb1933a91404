import { deserialize } from 'bson';
import { serializeDocument } from '../persistence/bsonRecords.js';
import { normalizeDecoded } from './numbers.js';
import type { Doc } from './values.js';

const SLAB_BYTES = 1024 * 1024;
/** A location is `slab * SLAB_SPAN + offset`; the span exceeds the largest BSON document (16 MiB plus slack). */
const SLAB_SPAN = 2 ** 25;
/** Rewrite the slabs once dead bytes (old images of updated or deleted documents) pass both bounds. */
const COMPACT_MIN_DEAD_BYTES = 4 * 1024 * 1024;
const COMPACT_DEAD_RATIO = 0.5;

const RAW_DECODE = { promoteLongs: false, promoteValues: false, promoteBuffers: false, validation: { utf8: false } } as const;

/** The BSON document at a location; its first four bytes are its length. */
function bytesAt(slabs: Uint8Array[], location: number): Uint8Array {
  const slab = slabs[Math.floor(location / SLAB_SPAN)];
  const offset = location % SLAB_SPAN;
  const length = slab[offset] | (slab[offset + 1] << 8) | (slab[offset + 2] << 16) | (slab[offset + 3] << 24);
  return slab.subarray(offset, offset + length);
}

/**
 * The documents of one collection by `_id` key, each held as its BSON bytes packed into 1 MiB slabs and decoded
 * on every read. A small document as a JS object costs about 5x its BSON size; as bytes it costs its size plus a
 * map entry. Each read returns a fresh object, so callers may keep or even mutate what they get; a stored image
 * never changes. Same read interface as a Map, which the engine used before.
 */
export class DocumentStore {
  private readonly locations = new Map<string, number>();
  private slabs: Uint8Array[] = [];
  private used = SLAB_BYTES;
  private liveBytes = 0;
  private deadBytes = 0;

  get size(): number {
    return this.locations.size;
  }

  has(id: string): boolean {
    return this.locations.has(id);
  }

  get(id: string): Doc | undefined {
    const location = this.locations.get(id);
    return location === undefined ? undefined : this.decode(location);
  }

  set(id: string, doc: Doc): void {
    const previous = this.locations.get(id);
    if (previous !== undefined) this.release(previous);
    this.locations.set(id, this.write(doc));
    this.maybeCompact();
  }

  delete(id: string): boolean {
    const location = this.locations.get(id);
    if (location === undefined) return false;
    this.release(location);
    this.locations.delete(id);
    this.maybeCompact();
    return true;
  }

  /** The stored BSON bytes of a document, a view that is only valid until the next write to this store. */
  bytesOf(id: string): Uint8Array | undefined {
    const location = this.locations.get(id);
    return location === undefined ? undefined : bytesAt(this.slabs, location);
  }

  keys(): IterableIterator<string> {
    return this.locations.keys();
  }

  *values(): Generator<Doc> {
    for (const location of this.locations.values()) yield this.decode(location);
  }

  *entries(): Generator<[string, Doc]> {
    for (const [id, location] of this.locations) yield [id, this.decode(location)];
  }

  [Symbol.iterator](): Generator<[string, Doc]> {
    return this.entries();
  }

  private decode(location: number): Doc {
    return normalizeDecoded(deserialize(bytesAt(this.slabs, location), RAW_DECODE));
  }

  private write(doc: Doc): number {
    return this.copyIn(serializeDocument(doc));
  }

  private release(location: number): void {
    const length = bytesAt(this.slabs, location).length;
    this.liveBytes -= length;
    this.deadBytes += length;
  }

  /** Copies the live documents into fresh slabs, so the space of replaced and deleted images is returned. */
  private maybeCompact(): void {
    if (this.deadBytes < COMPACT_MIN_DEAD_BYTES || this.deadBytes < COMPACT_DEAD_RATIO * (this.liveBytes + this.deadBytes)) return;
    const old = { slabs: this.slabs, locations: [...this.locations] };
    this.slabs = [];
    this.used = SLAB_BYTES;
    this.liveBytes = 0;
    this.deadBytes = 0;
    for (const [id, location] of old.locations) {
      this.locations.set(id, this.copyIn(bytesAt(old.slabs, location)));
    }
  }

  private copyIn(bytes: Uint8Array): number {
    if (this.used + bytes.length > (this.slabs.at(-1)?.length ?? 0)) {
      this.slabs.push(new Uint8Array(Math.max(SLAB_BYTES, bytes.length)));
      this.used = 0;
    }
    const slabIndex = this.slabs.length - 1;
    const offset = this.used;
    this.slabs[slabIndex].set(bytes, offset);
    this.used += bytes.length;
    this.liveBytes += bytes.length;
    return slabIndex * SLAB_SPAN + offset;
  }
}
