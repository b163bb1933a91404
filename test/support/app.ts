import { randomBytes } from 'node:crypto';
import supertest from 'supertest';
import { loadConfig, type Config } from '../../server/config/env.js';
import { createLogger } from '../../server/logger.js';
import { startServer, type RunningServer } from '../../server/start.js';
import type { Clock } from '../../server/clock.js';
import { makeTempDir } from './tempDirs.js';

export interface TestApp {
  baseUrl: string;
  config: Config;
  running: RunningServer;
  /** A cookie-keeping client, as one browser would be. */
  agent(): ReturnType<typeof supertest.agent>;
  close(): Promise<void>;
}

/** A fake clock the session rules read; advance it to test timeouts without waiting. */
export function fakeClock(start = Date.now()): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
}

/**
 * Starts the real server on 127.0.0.1 and a free port, against the harness's database and Redis, with
 * demo data and the development IdP, and a Redis key prefix of its own so parallel apps never collide.
 */
export async function startTestApp(env: Record<string, string> = {}, opts: { clock?: Clock } = {}): Promise<TestApp> {
  const dataDir = makeTempDir('tfc-test-');
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    MONGODB_URI: process.env.TEST_MONGODB_URI,
    REDIS_URL: process.env.TEST_REDIS_URL,
    REDIS_PREFIX: `tfc-test-${randomBytes(4).toString('hex')}:`,
    DATA_DIR: dataDir,
    UPLOAD_DIR: `${dataDir}/uploads`,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    DEMO_DATA: 'on',
    DEV_IDP: 'on',
    RATE_LIMIT_AUTH_PER_MINUTE: '1000',
    // Suites post quickly on purpose; test/security/postRateLimits.test.ts turns these back on.
    POST_INTERVAL_SECONDS: '0',
    THREAD_INTERVAL_SECONDS: '0',
    UPLOADS_PER_MINUTE: '10000',
    SEARCHES_PER_MINUTE: '10000',
    ...env,
  });
  const running = await startServer({ config, logger: createLogger(process.env.LOG_LEVEL ?? 'silent'), clock: opts.clock, keepDatabase: true });
  return {
    baseUrl: running.url,
    config: running.config,
    running,
    agent: () => supertest.agent(running.url),
    close: async () => {
      await running.close();
    },
  };
}
