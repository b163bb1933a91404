import './quietLogs.js';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ensureRedis } from './redis.js';
import { startTestDatabase } from './db.js';
import { removeTempDirs } from './tempDirs.js';

let stops: (() => Promise<void>)[] = [];

/** Once per run: the database the harness picks, Redis, and a built client for the browser tests. */
export async function mochaGlobalSetup(): Promise<void> {
  const db = await startTestDatabase();
  process.env.TEST_MONGODB_URI = db.uri;
  process.env.TEST_MONGODB_KIND = db.kind;
  const redis = await ensureRedis();
  process.env.TEST_REDIS_URL = redis.url;
  console.log(`test harness: database ${db.kind}, redis ${redis.source}`);
  stops = [db.stop, redis.stop];

  // Engineers who run only server tests while someone edits the client may opt out; CI and `npm test` never set it.
  if (process.env.TEST_CLIENT_BUILD === 'skip') console.log('test harness: client build check skipped (TEST_CLIENT_BUILD=skip)');
  else if (clientBuildIsStale()) {
    console.log('test harness: building the client for the browser tests');
    const build = spawnSync('npm', ['run', 'build:client'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the client build failed');
  }
}

export async function mochaGlobalTeardown(): Promise<void> {
  for (const stop of stops.reverse()) await stop();
  removeTempDirs();
}

const newestIn = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }, 0);

/** The browser tests must see the client as it is now, not an old build. */
function clientBuildIsStale(): boolean {
  const index = path.join('client', 'dist', 'index.html');
  if (!existsSync(index)) return true;
  const sources = ['client/src', 'client/public', 'shared'].filter(existsSync).map(newestIn);
  return Math.max(...sources, statSync('client/index.html').mtimeMs) > statSync(index).mtimeMs;
}
