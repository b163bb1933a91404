import { BSON, type Document } from 'bson';
import { normalizeDecoded } from '../engine/numbers.js';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;

const FLAG_CHECKSUM_PRESENT = 1;
const FLAG_MORE_TO_COME = 2;
const HEADER_SIZE = 16;

/** A decoded request: the command document with any kind-1 document sequences folded in. */
export interface WireRequest {
  requestId: number;
  opCode: typeof OP_MSG | typeof OP_QUERY;
  command: Document;
  /** OP_MSG moreToCome: the client expects no reply. */
  moreToCome: boolean;
}

export class MalformedMessageError extends Error {}

/** Numbers arrive unpromoted so whole-number Doubles and Longs keep their type (see engine/numbers.ts). */
const deserializeOptions = { promoteLongs: false, promoteValues: false, promoteBuffers: false, validation: { utf8: false } } as const;

function readDocument(buf: Buffer, offset: number, end: number): [Document, number] {
  if (offset + 5 > end) throw new MalformedMessageError('truncated BSON document');
  const size = buf.readInt32LE(offset);
  if (size < 5 || offset + size > end) throw new MalformedMessageError(`bad BSON document size ${size}`);
  return [normalizeDecoded(BSON.deserialize(buf.subarray(offset, offset + size), deserializeOptions)), offset + size];
}

function readCString(buf: Buffer, offset: number, end: number): [string, number] {
  const zero = buf.indexOf(0, offset);
  if (zero < 0 || zero >= end) throw new MalformedMessageError('unterminated cstring');
  return [buf.toString('utf8', offset, zero), zero + 1];
}

function decodeOpMsg(buf: Buffer, requestId: number): WireRequest {
  const flags = buf.readUInt32LE(HEADER_SIZE);
  const end = flags & FLAG_CHECKSUM_PRESENT ? buf.length - 4 : buf.length;
  let offset = HEADER_SIZE + 4;
  let command: Document | undefined;
  const sequences: [string, Document[]][] = [];
  while (offset < end) {
    const kind = buf[offset++];
    if (kind === 0) {
      [command, offset] = readDocument(buf, offset, end);
    } else if (kind === 1) {
      const sectionSize = buf.readInt32LE(offset);
      const sectionEnd = offset + sectionSize;
      if (sectionSize < 5 || sectionEnd > end) throw new MalformedMessageError('bad document sequence size');
      let identifier: string;
      [identifier, offset] = readCString(buf, offset + 4, sectionEnd);
      const docs: Document[] = [];
      while (offset < sectionEnd) {
        let doc: Document;
        [doc, offset] = readDocument(buf, offset, sectionEnd);
        docs.push(doc);
      }
      sequences.push([identifier, docs]);
    } else {
      throw new MalformedMessageError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!command) throw new MalformedMessageError('OP_MSG without a body section');
  for (const [identifier, docs] of sequences) command[identifier] = docs;
  return { requestId, opCode: OP_MSG, command, moreToCome: (flags & FLAG_MORE_TO_COME) !== 0 };
}

function decodeOpQuery(buf: Buffer, requestId: number): WireRequest {
  const [collection, afterName] = readCString(buf, HEADER_SIZE + 4, buf.length);
  const [query] = readDocument(buf, afterName + 8, buf.length);
  if (!collection.endsWith('.$cmd')) throw new MalformedMessageError(`legacy OP_QUERY on ${collection} is not supported`);
  // Legacy handshakes may wrap the command as {$query: {...}, $readPreference}.
  const command = query.$query && typeof query.$query === 'object' ? (query.$query as Document) : query;
  if (!command.$db) command.$db = collection.slice(0, -'.$cmd'.length);
  return { requestId, opCode: OP_QUERY, command, moreToCome: false };
}

/** Decodes one complete frame (its length already checked by the caller). */
export function decodeMessage(frame: Buffer): WireRequest {
  if (frame.length < HEADER_SIZE + 5) throw new MalformedMessageError('frame shorter than a header');
  const requestId = frame.readInt32LE(4);
  const opCode = frame.readInt32LE(12);
  if (opCode === OP_MSG) return decodeOpMsg(frame, requestId);
  if (opCode === OP_QUERY) return decodeOpQuery(frame, requestId);
  throw new MalformedMessageError(`unsupported opCode ${opCode}`);
}

let nextResponseId = 1;

function header(length: number, responseTo: number, opCode: number): Buffer {
  const head = Buffer.alloc(HEADER_SIZE);
  head.writeInt32LE(length, 0);
  head.writeInt32LE(nextResponseId++ & 0x7fffffff, 4);
  head.writeInt32LE(responseTo, 8);
  head.writeInt32LE(opCode, 12);
  return head;
}

/** Encodes a reply in the same protocol the request used. */
export function encodeReply(request: WireRequest, reply: Document): Buffer {
  const body = BSON.serialize(reply, { ignoreUndefined: true });
  if (request.opCode === OP_MSG) {
    const prefix = Buffer.alloc(5);
    const length = HEADER_SIZE + prefix.length + body.length;
    return Buffer.concat([header(length, request.requestId, OP_MSG), prefix, body], length);
  }
  const replyFields = Buffer.alloc(20);
  replyFields.writeInt32LE(1, 16);
  const length = HEADER_SIZE + replyFields.length + body.length;
  return Buffer.concat([header(length, request.requestId, OP_REPLY), replyFields, body], length);
}
