import type { FileHandle } from 'node:fs/promises';
import { FRAME_HEADER_BYTES, decodeFrameHeader, payloadMatches } from './frameCodec.js';

const READ_CHUNK_BYTES = 1024 * 1024;

export interface Frame {
  kind: 'frame';
  offset: number;
  end: number;
  payload: Buffer;
}

/**
 * Where reading stopped short of the file end. `nextFrameFrom` is where a following frame could
 * start: the end of a frame whose checksummed header gave its length, the next byte when the
 * header itself is bad, or null when the damage runs to the end of the file.
 */
export interface Damage {
  kind: 'damage';
  offset: number;
  reason: string;
  nextFrameFrom: number | null;
}

/** Reads a file front to back in large chunks so a multi-gigabyte snapshot never sits in memory whole. */
class ChunkedFile {
  private window = Buffer.alloc(0);
  private windowStart = 0;

  constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  async read(position: number, length: number): Promise<Buffer> {
    const windowEnd = this.windowStart + this.window.length;
    if (position >= this.windowStart && position + length <= windowEnd) {
      return this.window.subarray(position - this.windowStart, position - this.windowStart + length);
    }
    const want = Math.min(Math.max(length, READ_CHUNK_BYTES), this.size - position);
    const buffer = Buffer.allocUnsafe(want);
    let filled = 0;
    while (filled < want) {
      const { bytesRead } = await this.handle.read(buffer, filled, want - filled, position + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    this.window = buffer.subarray(0, filled);
    this.windowStart = position;
    return this.window.subarray(0, Math.min(length, filled));
  }
}

/** Yields whole, checksummed frames in order; the last item is a Damage if the file does not end cleanly. */
export async function* readFrames(handle: FileHandle, size: number): AsyncGenerator<Frame | Damage> {
  const file = new ChunkedFile(handle, size);
  let offset = 0;
  while (offset < size) {
    if (size - offset < FRAME_HEADER_BYTES) {
      yield { kind: 'damage', offset, reason: `${size - offset} bytes, shorter than a frame header`, nextFrameFrom: null };
      return;
    }
    const header = decodeFrameHeader(await file.read(offset, FRAME_HEADER_BYTES));
    if (!header) {
      yield { kind: 'damage', offset, reason: 'bad frame header', nextFrameFrom: offset + 1 };
      return;
    }
    const end = offset + FRAME_HEADER_BYTES + header.payloadLength;
    if (end > size) {
      yield { kind: 'damage', offset, reason: `frame needs ${end - offset} bytes, ${size - offset} remain`, nextFrameFrom: null };
      return;
    }
    const payload = await file.read(offset + FRAME_HEADER_BYTES, header.payloadLength);
    if (!payloadMatches(header, payload)) {
      yield { kind: 'damage', offset, reason: 'payload checksum mismatch', nextFrameFrom: end };
      return;
    }
    yield { kind: 'frame', offset, end, payload };
    offset = end;
  }
}

/**
 * Looks for any complete, checksummed frame starting at or after `from`. Finding one proves the damage
 * is not a torn final write, because a torn write is always the last thing in the file.
 */
export async function findValidFrameAfter(handle: FileHandle, size: number, from: number): Promise<number | null> {
  const file = new ChunkedFile(handle, size);
  for (let start = from; start + FRAME_HEADER_BYTES <= size; ) {
    const chunk = await file.read(start, Math.min(READ_CHUNK_BYTES, size - start));
    const lastCandidate = chunk.length - FRAME_HEADER_BYTES;
    for (let i = 0; i <= lastCandidate; i++) {
      const header = decodeFrameHeader(chunk, i);
      if (!header) continue;
      const payloadStart = start + i + FRAME_HEADER_BYTES;
      if (payloadStart + header.payloadLength > size) continue;
      const payload = Buffer.from(await file.read(payloadStart, header.payloadLength));
      if (payloadMatches(header, payload)) return start + i;
    }
    // Overlap by a header's width so a frame straddling two chunks is still seen.
    start += Math.max(1, lastCandidate + 1);
  }
  return null;
}
