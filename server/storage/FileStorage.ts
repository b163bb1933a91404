import type { Readable } from 'node:stream';

/** Bytes [start, end], both inclusive, as HTTP ranges count them. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObject {
  /** The generated id the metadata points at; never derived from anything a member sent. */
  key: string;
  size: number;
}

/**
 * Where verified files live. `put` is all-or-nothing: when it resolves the whole file is stored under the new key,
 * and when it rejects nothing is visible under any key. Metadata is written only after `put` resolved.
 */
export interface FileStorage {
  readonly kind: 'disk' | 'gridfs';
  put(sourcePath: string, contentType: string): Promise<StoredObject>;
  read(key: string, range?: ByteRange): Readable;
  /** Removing a key that does not exist is not an error. */
  remove(key: string): Promise<void>;
  /** Keys stored before `before`, for the sweep that removes objects no metadata points at. */
  keysStoredBefore(before: Date): AsyncIterable<string>;
}

/** Keys are 32 lower-case hex characters (disk) or 24 (GridFS ObjectId): checked before any path or query use. */
export const isStorageKey = (key: string): boolean => /^(?:[a-f0-9]{24}|[a-f0-9]{32})$/.test(key);
