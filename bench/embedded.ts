// Embedded store benchmarks (issue 2): indexed findOne latency, journaled insertMany throughput,
// $text latency over 20k posts, and resident memory against the BSON size of the data.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { calculateObjectSize } from 'bson';
import mongoose from 'mongoose';
import { pino } from 'pino';
import { startEmbeddedMongo } from '../server/db/embedded/index.js';
import type { BenchResult } from './run.js';
import { freePort } from '../test/support/ports.js';

const MEMBERS = 100_000;
const POSTS = 20_000;
const words = (
  'trafficking labor victim survivor hotline outreach investigation task force agent advocate shelter hotel farm visa ' +
  'passport debt bondage recruitment referral interview training indicator prosecution warrant evidence witness ' +
  'community partner grant report meeting county state federal coordination case review protocol language'
).split(' ');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const round = (n: number, digits = 3) => Number(n.toFixed(digits));

function sentence(seed: number, length: number): string {
  return Array.from({ length }, (_, i) => words[(seed * 31 + i * 17 + ((seed >> 3) ^ i)) % words.length]).join(' ');
}

async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
}

/** Loads the same data into a store running alone (the CLI) and compares its resident memory with the BSON size. */
async function storeProcessMemory(): Promise<BenchResult[]> {
  const dbPath = await mkdtemp(path.join(os.tmpdir(), 'tfc-bench-rss-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/db/embedded/cli.ts', '--port', String(port), '--dbpath', dbPath], { stdio: 'ignore', env: { ...process.env, LOG_LEVEL: 'warn' } });
  const connection = mongoose.createConnection(`mongodb://127.0.0.1:${port}/bench`, { serverSelectionTimeoutMS: 30_000 });
  try {
    await connection.asPromise();
    const idle = await residentBytes(child.pid!);
    let bsonBytes = 0;
    const members = connection.collection('members');
    await members.createIndex({ email: 1 });
    for (let batch = 0; batch < MEMBERS; batch += 1000) {
      const docs = Array.from({ length: 1000 }, (_, i) => ({ email: `member${batch + i}@example.gov`, name: `Member ${batch + i}`, taskForce: (batch + i) % 60, joinedAt: new Date() }));
      await members.insertMany(docs);
      for (const doc of docs) bsonBytes += calculateObjectSize(doc);
    }
    const posts = connection.collection('posts');
    await posts.createIndex({ title: 'text', body: 'text' });
    for (let batch = 0; batch < POSTS; batch += 1000) {
      const docs = Array.from({ length: 1000 }, (_, i) => ({ title: sentence(batch + i, 6), body: sentence(batch + i + 7, 60), threadId: (batch + i) % 900 }));
      await posts.insertMany(docs);
      for (const doc of docs) bsonBytes += calculateObjectSize(doc);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const loaded = await residentBytes(child.pid!);
    const growth = (loaded - idle) / bsonBytes;
    return [
      { name: `store process RSS growth / BSON size (${(bsonBytes / 1e6).toFixed(1)} MB of BSON)`, value: round(growth, 2), unit: 'x', target: '< 3', pass: growth < 3 },
      { name: 'store process RSS / BSON size (including the idle process)', value: round(loaded / bsonBytes, 2), unit: 'x' },
    ];
  } finally {
    await connection.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dbPath, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  return [...(await latencyAndThroughput()), ...(await storeProcessMemory())];
}

async function latencyAndThroughput(): Promise<BenchResult[]> {
  const dbPath = await mkdtemp(path.join(os.tmpdir(), 'tfc-bench-embedded-'));
  const store = await startEmbeddedMongo({ dbPath, logger: pino({ level: 'warn' }) });
  const connection = await mongoose.createConnection(`${store.uri}bench`).asPromise();
  const results: BenchResult[] = [];
  try {
    const Member = connection.model('BenchMember', new mongoose.Schema({ email: { type: String, index: true }, name: String, taskForce: Number, joinedAt: Date }));
    await Member.init();
    const started = performance.now();
    for (let batch = 0; batch < MEMBERS; batch += 1000) {
      const docs = Array.from({ length: 1000 }, (_, i) => ({ email: `member${batch + i}@example.gov`, name: `Member ${batch + i}`, taskForce: (batch + i) % 60, joinedAt: new Date(1_700_000_000_000 + batch + i) }));
      await Member.insertMany(docs, { lean: true });
    }
    const perSecond = MEMBERS / ((performance.now() - started) / 1000);
    results.push({ name: 'insertMany (mongoose, journaled, 1000/batch)', value: Math.round(perSecond), unit: 'docs/s', target: '>= 10000', pass: perSecond >= 10_000 });

    const lookups: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const email = `member${(i * 7919) % MEMBERS}@example.gov`;
      const t = performance.now();
      const found = await Member.findOne({ email }).lean();
      lookups.push(performance.now() - t);
      if (!found) throw new Error(`missing ${email}`);
    }
    const findMedian = median(lookups.slice(500));
    results.push({ name: 'findOne by indexed field, 100k docs (mongoose)', value: round(findMedian), unit: 'ms', target: '< 0.5', pass: findMedian < 0.5 });

    const Post = connection.model('BenchPost', new mongoose.Schema({ title: String, body: String, threadId: Number }));
    await Post.collection.createIndex({ title: 'text', body: 'text' });
    for (let batch = 0; batch < POSTS; batch += 1000) {
      await Post.insertMany(
        Array.from({ length: 1000 }, (_, i) => ({ title: sentence(batch + i, 6), body: sentence(batch + i + 7, 60), threadId: (batch + i) % 900 })),
        { lean: true },
      );
    }
    const searches: number[] = [];
    const queries = ['trafficking hotline', 'passport bondage', '"task force" warrant', 'shelter -hotel', 'interview'];
    for (let i = 0; i < 60; i++) {
      const t = performance.now();
      await Post.find({ $text: { $search: queries[i % queries.length] } }, { score: { $meta: 'textScore' } })
        .sort({ score: { $meta: 'textScore' } })
        .limit(20)
        .lean();
      searches.push(performance.now() - t);
    }
    const textMedian = median(searches.slice(10));
    results.push({ name: '$text over 20k posts, top 20 by score', value: round(textMedian, 2), unit: 'ms', target: '< 20', pass: textMedian < 20 });

  } finally {
    await connection.close();
    await store.stop();
    await rm(dbPath, { recursive: true, force: true });
  }
  return results;
}
