import net from 'node:net';
import type { Document } from 'bson';
import type { Logger } from 'pino';
import { decodeMessage, encodeReply, MalformedMessageError } from './codec.js';
import { MAX_MESSAGE_SIZE } from '../commands/handshake.js';
import { describeError } from '../../../logger.js';

export type RequestHandler = (command: Document, connectionId: number) => Promise<Document>;

/**
 * Serves the MongoDB wire protocol on one socket: frames requests by their length prefix and answers them
 * in order. A malformed or oversized frame closes only this connection.
 */
function serveConnection(socket: net.Socket, connectionId: number, handle: RequestHandler, logger: Logger): void {
  // Chunks are joined once per complete frame, not once per chunk, so a large message costs linear time.
  let chunks: Buffer[] = [];
  let buffered = 0;
  let queue = Promise.resolve();
  const fail = (reason: string) => {
    logger.warn({ connectionId, reason }, 'embedded mongo: closing connection after a malformed message');
    chunks = [];
    buffered = 0;
    socket.destroy();
  };
  socket.setNoDelay(true);
  socket.on('error', (error) => logger.debug({ connectionId, err: describeError(error) }, 'embedded mongo: socket error'));
  socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    buffered += chunk.length;
    while (buffered >= 4) {
      if (chunks[0].length < 4) chunks = [Buffer.concat(chunks, buffered)];
      const length = chunks[0].readInt32LE(0);
      if (length < 21 || length > MAX_MESSAGE_SIZE) return fail(`message length ${length} out of bounds`);
      if (buffered < length) return;
      const joined = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, buffered);
      const frame = joined.subarray(0, length);
      const rest = joined.subarray(length);
      chunks = rest.length ? [rest] : [];
      buffered = rest.length;
      let request;
      try {
        request = decodeMessage(frame);
      } catch (error) {
        return fail(error instanceof MalformedMessageError ? error.message : String(error));
      }
      queue = queue.then(async () => {
        if (socket.destroyed) return;
        const reply = await handle(request.command, connectionId);
        if (!request.moreToCome && !socket.destroyed) socket.write(encodeReply(request, reply));
      }).catch((error: unknown) => {
        logger.error({ connectionId, err: describeError(error) }, 'embedded mongo: request failed');
        socket.destroy();
      });
    }
  });
}

export interface WireServer {
  port: number;
  close(): Promise<void>;
}

export async function listen(port: number, handle: RequestHandler, logger: Logger, nextConnectionId: () => number): Promise<WireServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, nextConnectionId(), handle, logger);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
