import { calculateObjectSize, deserialize, serialize, setInternalBufferSize } from 'bson';
import type { Document, DeserializeOptions } from 'bson';

/** Same decoding the wire codec uses, so a replayed document looks exactly like a freshly received one. */
export const DEFAULT_DESERIALIZE_OPTIONS: DeserializeOptions = {
  promoteLongs: true,
  promoteValues: true,
  promoteBuffers: false,
  validation: { utf8: false },
};

/** bson's shared scratch buffer is 17 MiB; only documents beyond it need a bigger one. */
const DEFAULT_SCRATCH_BYTES = 17 * 1024 * 1024;

export function serializeDocument(doc: Document): Buffer {
  const size = calculateObjectSize(doc);
  if (size > DEFAULT_SCRATCH_BYTES) setInternalBufferSize(size);
  const bytes = serialize(doc);
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A group payload is BSON documents back to back; each carries its own int32 length. */
export function encodeDocuments(docs: readonly Document[]): Buffer {
  return Buffer.concat(docs.map(serializeDocument));
}

export function* decodeDocuments(payload: Buffer, options: DeserializeOptions): Generator<Document> {
  let offset = 0;
  while (offset < payload.length) {
    if (payload.length - offset < 5) throw new Error(`trailing ${payload.length - offset} bytes after the last BSON document`);
    const size = payload.readInt32LE(offset);
    if (size < 5 || offset + size > payload.length) throw new Error(`BSON document length ${size} at ${offset} overruns its frame`);
    yield deserialize(payload.subarray(offset, offset + size), options);
    offset += size;
  }
}
