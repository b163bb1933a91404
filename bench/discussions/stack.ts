// The application under test, as production runs it but on one machine: the embedded store in its own process
// (in memory), the app (`server/main.ts`) in another, Redis at 127.0.0.1:6379 under a prefix of its own.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { createClient } from 'redis';
import { freePort } from '../../test/support/ports.js';
import { startTsProcess, waitUntilServing, type BenchProcess } from './processes.js';

export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Production logs every request at info; BENCH_LOG_LEVEL=warn measures without request logs. */
const APP_LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
/** The app's default idle timeout (SESSION_IDLE_MINUTES=30): minted sessions live as long as real ones. */
export const SESSION_IDLE_MS = 30 * 60_000;

const connectRedis = () => createClient({ url: REDIS_URL });
export type BenchRedis = ReturnType<typeof connectRedis>;

export interface Stack {
  url: string;
  app: BenchProcess;
  /** The app's inspector port (for garbage collection before memory readings). */
  inspectPort: number;
  /** The embedded store's process. */
  store: BenchProcess;
  /** The bench's own connection to the app's database, to mint members. */
  db: Connection;
  redis: BenchRedis;
  /** Every key of this run starts with it; the bare baselines use sub-prefixes. */
  redisPrefix: string;
  sessionSecret: string;
  workDir: string;
  stop(): Promise<void>;
}

/** BENCH_CPU_PROF=<dir>: V8 CPU profiles of the app and the store, written when they exit. */
const profiling = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];

export async function startStack(): Promise<Stack> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'tfc-bench-discussions-'));
  const redisPrefix = `bench-${randomBytes(4).toString('hex')}:`;
  const sessionSecret = randomBytes(32).toString('base64url');
  const redis = connectRedis();
  await redis.connect();

  const storePort = await freePort();
  const store = startTsProcess({ name: 'store', script: 'server/db/embedded/cli.ts', args: ['--port', String(storePort)], env: { LOG_LEVEL: 'warn' }, logDir: workDir, nodeFlags: profiling });
  const mongoUri = `mongodb://127.0.0.1:${storePort}/tfcbench`;
  const db = mongoose.createConnection(mongoUri, { serverSelectionTimeoutMS: 60_000 });
  let app: BenchProcess | undefined;
  const stop = async () => {
    await app?.stop();
    await db.close().catch(() => undefined);
    await store.stop();
    await deleteKeys(redis, redisPrefix);
    await redis.quit();
    await rm(workDir, { recursive: true, force: true });
  };
  try {
    await db.asPromise();
    const port = await freePort();
    const inspectPort = await freePort();
    const url = `http://127.0.0.1:${port}`;
    app = startTsProcess({
      name: 'app',
      script: 'server/main.ts',
      logDir: workDir,
      nodeFlags: [...profiling, `--inspect=127.0.0.1:${inspectPort}`],
      env: {
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: url,
        DATA_DIR: path.join(workDir, 'data'),
        UPLOAD_DIR: path.join(workDir, 'uploads'),
        MONGODB_URI: mongoUri,
        REDIS_URL,
        REDIS_PREFIX: redisPrefix,
        SESSION_SECRET: sessionSecret,
        DEMO_DATA: 'on',
        DEV_IDP: 'on',
        POST_INTERVAL_SECONDS: '0',
        THREAD_INTERVAL_SECONDS: '0',
        LOG_LEVEL: APP_LOG_LEVEL,
      },
    });
    await waitUntilServing(app, `${url}/readyz`, 90_000);
    return { url, app, inspectPort, store, db, redis, redisPrefix, sessionSecret, workDir, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Removes every key under the prefix (sessions, socket streams, rate limits) once the run is over. */
export async function deleteKeys(redis: BenchRedis, prefix: string): Promise<void> {
  const keys: string[] = [];
  for await (const batch of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) keys.push(...batch);
  for (let i = 0; i < keys.length; i += 500) await redis.del(keys.slice(i, i + 500));
}
