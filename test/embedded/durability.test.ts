import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { encodeFrame } from '../../server/db/embedded/persistence/frameCodec.js';
import { listJournals } from '../../server/db/embedded/persistence/storageLayout.js';
import { freePort } from '../support/ports.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cliPath = path.join(repoRoot, 'server/db/embedded/cli.ts');
const READY_TIMEOUT_MS = 30_000;

interface StoreProcess {
  child: ChildProcess;
  port: number;
  output(): string;
  exited: Promise<number | null>;
}

async function canConnect(port: number): Promise<boolean> {
  const socket = net.connect(port, '127.0.0.1');
  const connected = await new Promise<boolean>((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('error', () => resolve(false));
  });
  socket.destroy();
  return connected;
}

/** Runs the store CLI exactly as `npm run db:embedded -- --port P --dbpath DIR` would. */
function spawnStore(dbPath: string, port: number): StoreProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', cliPath, '--port', String(port), '--dbpath', dbPath], {
    cwd: repoRoot,
    // The harness silences logs for in-process use; this child's warnings are part of what is tested.
    env: { ...process.env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, port, output: () => output, exited };
}

async function waitUntilListening(store: StoreProcess): Promise<void> {
  let exitCode: number | null | undefined;
  void store.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) assert.fail(`store exited with ${exitCode} before listening:\n${store.output()}`);
    if (await canConnect(store.port)) return;
    await sleep(100);
  }
  assert.fail(`store did not listen on ${store.port} within ${READY_TIMEOUT_MS} ms:\n${store.output()}`);
}

function clientFor(store: StoreProcess): MongoClient {
  // No retries and a short selection timeout: after SIGKILL an in-flight write must fail fast, not wait 30 s.
  return new MongoClient(`mongodb://127.0.0.1:${store.port}/?directConnection=true`, {
    serverSelectionTimeoutMS: 2_000,
    retryWrites: false,
    retryReads: false,
  });
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('embedded store durability (separate process, SIGKILL)', function () {
  this.timeout(120_000);
  const started: StoreProcess[] = [];
  const dirs: string[] = [];

  before(function () {
    if (!existsSync(cliPath)) throw new Error(`the store CLI is missing at ${cliPath}`);
  });

  async function startStore(dbPath: string): Promise<StoreProcess> {
    const store = spawnStore(dbPath, await freePort());
    started.push(store);
    await waitUntilListening(store);
    return store;
  }

  async function tempDbPath(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tfc-durability-'));
    dirs.push(dir);
    return dir;
  }

  afterEach(async () => {
    for (const store of started.splice(0)) {
      if (store.child.exitCode === null && store.child.signalCode === null) store.child.kill('SIGKILL');
      await store.exited;
    }
  });

  after(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('keeps every acknowledged insert and increment when the store is killed with SIGKILL mid-loop', async () => {
    const dbPath = await tempDbPath();
    const first = await startStore(dbPath);
    const client = clientFor(first);
    await client.connect();
    const coll = client.db('durability').collection<{ _id: number; payload?: string; n?: number }>('items');
    await coll.insertOne({ _id: -1, n: 0 });

    const acknowledged = new Set<number>();
    let nextId = 0;
    let ackedIncrements = 0;
    let attemptedIncrements = 0;
    let stopping = false;
    const insertOneLoop = async () => {
      while (!stopping) {
        const id = nextId++;
        await coll.insertOne({ _id: id, payload: 'x'.repeat(200) });
        acknowledged.add(id);
      }
    };
    const insertManyLoop = async () => {
      while (!stopping) {
        const ids = Array.from({ length: 10 }, () => nextId++);
        await coll.insertMany(ids.map((_id) => ({ _id, payload: 'batch' })));
        for (const id of ids) acknowledged.add(id);
      }
    };
    const incrementLoop = async () => {
      while (!stopping) {
        attemptedIncrements += 1;
        await coll.updateOne({ _id: -1 }, { $inc: { n: 1 } });
        ackedIncrements += 1;
      }
    };
    const loops = [insertOneLoop(), insertOneLoop(), insertOneLoop(), insertManyLoop(), incrementLoop()].map((loop) => loop.catch(() => undefined));

    await waitFor(() => acknowledged.size >= 400 && ackedIncrements >= 50, 30_000, 'writes to be acknowledged');
    first.child.kill('SIGKILL');
    stopping = true;
    await Promise.all(loops);
    await first.exited;
    await client.close(true);
    const attemptedIds = nextId;

    const second = await startStore(dbPath);
    const reader = clientFor(second);
    try {
      await reader.connect();
      const recovered = reader.db('durability').collection<{ _id: number; n?: number }>('items');
      const present = new Set((await recovered.find({}, { projection: { _id: 1 } }).toArray()).map((doc) => doc._id));
      const lost = [...acknowledged].filter((id) => !present.has(id));
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.size} acknowledged inserts were lost`);
      assert.ok(present.size <= attemptedIds + 1, 'no document appears that was never sent');
      const counter = (await recovered.findOne({ _id: -1 }))?.n ?? 0;
      assert.ok(counter >= ackedIncrements, `counter ${counter} is below the ${ackedIncrements} acknowledged increments`);
      assert.ok(counter <= attemptedIncrements, `counter ${counter} exceeds the ${attemptedIncrements} attempted increments`);
    } finally {
      await reader.close();
    }
  });

  it('replays deletes, updates, renames, drops and index definitions when restarted after SIGKILL', async () => {
    const dbPath = await tempDbPath();
    const first = await startStore(dbPath);
    const client = clientFor(first);
    await client.connect();
    const db = client.db('durability');
    const users = db.collection<{ _id: number; email: string; n?: number }>('users');
    await users.createIndex({ email: 1 }, { unique: true });
    await users.insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: i, email: `u${i}@x.org` })));
    await users.deleteMany({ _id: { $gte: 8 } });
    await users.updateOne({ _id: 0 }, { $set: { n: 42 } });
    await db.collection('scratch').insertOne({ a: 1 });
    await db.collection('scratch').rename('renamed');
    await db.collection('doomed').insertOne({ a: 1 });
    await db.collection('doomed').drop();
    first.child.kill('SIGKILL');
    await first.exited;
    await client.close(true);

    const second = await startStore(dbPath);
    const reader = clientFor(second);
    try {
      await reader.connect();
      const recovered = reader.db('durability');
      const names = (await recovered.listCollections().toArray()).map((info) => info.name).sort();
      assert.deepEqual(names, ['renamed', 'users']);
      const again = recovered.collection<{ _id: number; email: string; n?: number }>('users');
      assert.equal(await again.countDocuments(), 8);
      assert.equal((await again.findOne({ _id: 0 }))?.n, 42);
      const indexNames = (await again.listIndexes().toArray()).map((index) => index.name).sort();
      assert.deepEqual(indexNames, ['_id_', 'email_1']);
      await assert.rejects(again.insertOne({ _id: 100, email: 'u1@x.org' }), { code: 11000 });
    } finally {
      await reader.close();
    }
  });

  it('refuses a second process with a message naming the lock when the dbpath is in use', async () => {
    const dbPath = await tempDbPath();
    const first = await startStore(dbPath);
    const second = spawnStore(dbPath, await freePort());
    started.push(second);
    const code = await Promise.race([second.exited, sleep(READY_TIMEOUT_MS).then(() => 'still running' as const)]);
    assert.notEqual(code, 'still running', 'the second process kept running on a locked dbpath');
    assert.notEqual(code, 0);
    assert.match(second.output(), /lock/i);
    assert.ok(second.output().includes(dbPath), `the message names the dbpath:\n${second.output()}`);
    assert.ok(await canConnect(first.port), 'the first process keeps serving');
  });

  it('flushes, exits 0 and keeps the data when the store gets SIGTERM', async () => {
    const dbPath = await tempDbPath();
    const first = await startStore(dbPath);
    const client = clientFor(first);
    await client.connect();
    await client.db('durability').collection<{ _id: number }>('graceful').insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: i })));
    await client.close();
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);

    const second = await startStore(dbPath);
    const reader = clientFor(second);
    try {
      await reader.connect();
      assert.equal(await reader.db('durability').collection('graceful').countDocuments(), 50);
    } finally {
      await reader.close();
    }
  });

  it('drops a torn final journal write with a warning and keeps earlier records when restarted', async () => {
    const dbPath = await tempDbPath();
    const first = await startStore(dbPath);
    const client = clientFor(first);
    await client.connect();
    await client.db('durability').collection<{ _id: number }>('torn').insertMany(Array.from({ length: 20 }, (_, i) => ({ _id: i })));
    first.child.kill('SIGKILL');
    await first.exited;
    await client.close(true);

    const journals = await listJournals(dbPath);
    const newest = journals[journals.length - 1];
    assert.ok(newest, 'the store wrote a journal');
    const halfFrame = encodeFrame(Buffer.alloc(64, 7)).subarray(0, 40);
    await appendFile(newest.file, halfFrame);

    const second = await startStore(dbPath);
    const reader = clientFor(second);
    try {
      await reader.connect();
      assert.equal(await reader.db('durability').collection('torn').countDocuments(), 20);
      assert.match(second.output(), /torn/i);
    } finally {
      await reader.close();
    }
  });
});
