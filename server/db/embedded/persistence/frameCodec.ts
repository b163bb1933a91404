import { crc32 } from 'node:zlib';

/**
 * Every journal and snapshot frame is `magic | payloadLength | crc32(payload) | crc32(first 12 bytes)`
 * followed by the payload. The header checksum lets a reader trust a length before using it, so a
 * damaged length is never mistaken for a torn tail that could be cut off.
 */
export const FRAME_MAGIC = 0x6a636674; // "tfcj" read little-endian
export const FRAME_HEADER_BYTES = 16;
/** Larger than any group the engine writes (BSON documents cap at 16 MiB); guards allocations. */
export const MAX_FRAME_PAYLOAD = 1024 * 1024 * 1024;

export interface FrameHeader {
  payloadLength: number;
  payloadCrc: number;
}

export function encodeFrame(payload: Buffer): Buffer {
  if (payload.length > MAX_FRAME_PAYLOAD) throw new RangeError(`frame payload of ${payload.length} bytes exceeds ${MAX_FRAME_PAYLOAD}`);
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + payload.length);
  frame.writeUInt32LE(FRAME_MAGIC, 0);
  frame.writeUInt32LE(payload.length, 4);
  frame.writeUInt32LE(crc32(payload), 8);
  frame.writeUInt32LE(crc32(frame.subarray(0, 12)), 12);
  payload.copy(frame, FRAME_HEADER_BYTES);
  return frame;
}

/** Returns the header when magic, header checksum and length bound all hold; otherwise null. */
export function decodeFrameHeader(bytes: Buffer, offset = 0): FrameHeader | null {
  if (bytes.length - offset < FRAME_HEADER_BYTES) return null;
  if (bytes.readUInt32LE(offset) !== FRAME_MAGIC) return null;
  if (bytes.readUInt32LE(offset + 12) !== crc32(bytes.subarray(offset, offset + 12))) return null;
  const payloadLength = bytes.readUInt32LE(offset + 4);
  if (payloadLength > MAX_FRAME_PAYLOAD) return null;
  return { payloadLength, payloadCrc: bytes.readUInt32LE(offset + 8) };
}

export function payloadMatches(header: FrameHeader, payload: Buffer): boolean {
  return payload.length === header.payloadLength && crc32(payload) === header.payloadCrc;
}
