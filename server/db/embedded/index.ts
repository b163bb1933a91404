import type { Logger } from 'pino';
import { logger as defaultLogger } from '../../logger.js';
import { dispatchCommand } from './commands/dispatch.js';
import { attachPersistence } from './engine/durability.js';
import { StoreState } from './engine/storeState.js';
import { startTtlMonitor } from './engine/ttl.js';
import { listen } from './wire/server.js';

export interface EmbeddedMongoOptions {
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** Directory for the journal and snapshots; absent keeps everything in memory. */
  dbPath?: string;
  logger?: Logger;
  /** How often expired TTL documents are removed. */
  ttlIntervalMs?: number;
}

export interface EmbeddedMongo {
  uri: string;
  port: number;
  /** Closes connections, flushes the journal and releases the dbPath lock. */
  stop(): Promise<void>;
}

/** Starts the MongoDB-wire-compatible store in this process (development, demo and tests only). */
export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const logger = options.logger ?? defaultLogger;
  const state = new StoreState(logger);
  const persistence = options.dbPath ? await attachPersistence(state, options.dbPath, logger) : undefined;
  let server;
  try {
    server = await listen(options.port ?? 0, (command, connectionId) => dispatchCommand(state, command, connectionId), logger, () => state.nextConnectionId++);
  } catch (error) {
    await persistence?.close();
    throw error;
  }
  state.port = server.port;
  const stopTtl = startTtlMonitor(state, options.ttlIntervalMs ?? 1000);
  let stopping: Promise<void> | undefined;
  return {
    uri: `mongodb://127.0.0.1:${server.port}/`,
    port: server.port,
    stop: () =>
      (stopping ??= (async () => {
        stopTtl();
        await server.close();
        await persistence?.close();
      })()),
  };
}
