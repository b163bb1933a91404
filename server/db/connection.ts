import path from 'node:path';
import mongoose, { type ClientSession } from 'mongoose';
import type { Logger } from 'pino';

export interface DatabaseConnection {
  uri: string;
  mode: 'external' | 'embedded';
  disconnect(): Promise<void>;
}

export interface ConnectDatabaseOptions {
  /** MONGODB_URI; when absent (outside production) the embedded store is started. */
  uri?: string;
  dataDir: string;
  isProduction: boolean;
  logger: Logger;
}

/** Thrown at start when production has no MONGODB_URI: the embedded store is for development, demo and tests. */
export class DatabaseConfigError extends Error {
  constructor() {
    super('MONGODB_URI is required in production; the embedded store is only for development, demos and tests');
    this.name = 'DatabaseConfigError';
  }
}

/** Connects mongoose to MONGODB_URI, or to an embedded store persisted under `${dataDir}/db`. */
export async function connectDatabase(options: ConnectDatabaseOptions): Promise<DatabaseConnection> {
  const { logger } = options;
  if (options.isProduction && !options.uri) throw new DatabaseConfigError();
  // Tests share one connection across servers: reuse it rather than starting a second store.
  if (mongoose.connection.readyState === 1) {
    return { uri: options.uri ?? mongoose.connection.host, mode: options.uri ? 'external' : 'embedded', disconnect: () => mongoose.disconnect() };
  }
  let uri = options.uri;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!uri) {
    // Imported lazily so production never loads the embedded store.
    const { startEmbeddedMongo } = await import('./embedded/index.js');
    const dbPath = path.resolve(options.dataDir, 'db');
    const embedded = await startEmbeddedMongo({ dbPath, logger });
    uri = `${embedded.uri}taskforce`;
    stopEmbedded = embedded.stop;
    logger.warn({ dbPath }, 'MONGODB_URI is not set: using the embedded store (not for production)');
  }
  try {
    await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000 });
  } catch (error) {
    await stopEmbedded?.();
    throw error;
  }
  logger.info({ mode: stopEmbedded ? 'embedded' : 'external' }, 'database connected');
  return {
    uri,
    mode: stopEmbedded ? 'embedded' : 'external',
    async disconnect() {
      await mongoose.disconnect();
      await stopEmbedded?.();
    },
  };
}

/** Runs `fn` in a transaction on the default connection; mongoose retries it on transient errors. */
export function withTransaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
  return mongoose.connection.transaction(fn);
}
