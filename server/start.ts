import http from 'node:http';
import mongoose from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from './config/env.js';
import { createApp, type BuiltApp } from './app.js';
import { systemClock, type Clock } from './clock.js';
import { connectDatabase } from './db/connection.js';
import { ensureStaffEntry, seedDemoData } from './db/seed/demoData.js';
import { backfillPostSpaces } from './domain/search/backfillPostSpaces.js';
import { ensureDevIdpKeys } from './auth/devIdp/keys.js';
import { sessionSecret } from './auth/session.js';
import { connectRedis, type RedisClient } from './redis/client.js';
import { memoryKeyValueStore, redisKeyValueStore, type KeyValueStore } from './redis/kv.js';
import { setKeyPrefix } from './redis/keys.js';
import { scheduleStraySweep } from './jobs/sweepStrayUploads.js';
import { createFileServices } from './storage/index.js';

export interface RunningServer {
  server: http.Server;
  url: string;
  config: Config;
  built: BuiltApp;
  redis?: RedisClient;
  close(): Promise<void>;
}

const DRAIN_MS = 9_000;

/**
 * Connects what the app needs, seeds demo data when asked, and listens. PUBLIC_URL defaults to the
 * address actually bound, so port 0 works for tests.
 */
export async function startServer(opts: { config: Config; logger: Logger; clock?: Clock; host?: string; /** Leave the database connected at close (tests share one). */ keepDatabase?: boolean }): Promise<RunningServer> {
  const { logger } = opts;
  setKeyPrefix(opts.config.REDIS_PREFIX);
  const server = http.createServer();
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(opts.config.PORT, host, resolve));
  const port = (server.address() as { port: number }).port;
  const derivedUrl = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
  const config: Config = { ...opts.config, PORT: port, PUBLIC_URL: opts.config.publicUrlGiven ? opts.config.PUBLIC_URL : derivedUrl };

  const db = await connectDatabase({ uri: config.MONGODB_URI, dataDir: config.DATA_DIR, isProduction: config.isProduction, logger });
  let redis: RedisClient | undefined;
  let kv: KeyValueStore;
  if (config.REDIS_URL) {
    redis = await connectRedis(config.REDIS_URL, logger);
    kv = redisKeyValueStore(redis);
  } else {
    logger.warn('REDIS_URL is not set: sessions, rate limits and SAML caches live in this process, so run a single instance only');
    kv = memoryKeyValueStore();
  }
  await ensureStaffEntry();
  if (config.DEMO_DATA) await seedDemoData(logger);
  await backfillPostSpaces(logger);
  const samlIdp = config.DEV_IDP ? await ensureDevIdpKeys(config.DATA_DIR) : undefined;

  const built = createApp({
    config,
    logger,
    kv,
    redis,
    clock: opts.clock ?? systemClock,
    sessionSecret: sessionSecret(config, logger),
    samlIdp,
    checks: {
      database: () => mongoose.connection.db!.admin().ping(),
      ...(redis ? { redis: () => redis.ping() } : {}),
    },
  });
  server.on('request', built.app);
  built.attachRealtime(server);
  // Temp files and stored objects that crashed or interrupted uploads left behind; one instance per interval.
  const stopStraySweep = scheduleStraySweep(createFileServices(config), { kv, logger });
  logger.info({ url: config.PUBLIC_URL, database: db.mode, redis: Boolean(redis) }, 'Task Force Connect is listening');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      stopStraySweep();
      // Stop accepting and close sockets (their transports close, so clients reconnect elsewhere), let
      // in-flight requests finish, then cut whatever is left before the deadline. io.close() closes the
      // HTTP server too.
      const drained = new Promise<void>((resolve) => built.io.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
      await drained;
      clearTimeout(deadline);
      built.dispose();
      if (redis) await redis.quit().catch(() => undefined);
      if (!opts.keepDatabase) await db.disconnect();
    })());
  return { server, url: config.PUBLIC_URL, config, built, redis, close };
}
