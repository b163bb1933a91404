import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DbPathLockedError, openPersistence } from '../../server/db/embedded/persistence/index.js';

const moduleUrl = pathToFileURL(path.resolve('server/db/embedded/persistence/index.ts')).href;
const quietLogger = { warn: () => undefined, info: () => undefined };

/** Child preamble: opens the dbPath given as argv[1] and reports failures on stdout. */
const preamble = `
const { openPersistence } = await import(${JSON.stringify(moduleUrl)});
const dbPath = process.argv[1];
`;

const holdLockScript = `${preamble}
const store = await openPersistence(dbPath, { warn() {}, info() {} });
await store.load(() => {}, () => {});
console.log('holding');
setInterval(() => {}, 1000);
`;

const tryOpenScript = `${preamble}
try {
  await openPersistence(dbPath, { warn() {}, info() {} });
  console.log('opened');
} catch (error) {
  console.log(error.name + ': ' + error.message);
}
`;

/**
 * Appends from 16 concurrent writers and prints each sequence number only after its append
 * resolved; compacts every 500 acknowledgements so a kill can also land inside a compaction.
 */
const appendLoopScript = `${preamble}
const store = await openPersistence(dbPath, { warn() {}, info() {} });
const applied = new Map();
await store.load((doc) => applied.set(doc.seq, doc), (rec) => applied.set(rec.seq, rec));
let next = 0;
let acked = 0;
console.log('ready');
async function writer() {
  for (;;) {
    const doc = { seq: next++, body: 'acknowledged write' };
    applied.set(doc.seq, doc);
    await store.append([doc]);
    process.stdout.write('ack ' + doc.seq + '\\n');
    if (++acked % 500 === 0) void store.compact(() => [...applied.values()]);
  }
}
for (let i = 0; i < 16; i++) void writer();
`;

function runChild(script: string, dbPath: string): { child: ChildProcess; lines: string[]; waitFor(pattern: RegExp): Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dbPath], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve(): void }[] = [];
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const waiter of [...waiters]) {
      if (parts.some((line) => waiter.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const waitFor = (pattern: RegExp) =>
    lines.some((line) => pattern.test(line))
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          waiters.push({ pattern, resolve });
          child.once('exit', () => reject(new Error(`child exited before printing ${pattern}; output: ${lines.join(' | ')}`)));
        });
  return { child, lines, waitFor };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('close', () => resolve()));
}

describe('embedded persistence: processes', function () {
  this.timeout(60000);
  let dbPath: string;
  const children: ChildProcess[] = [];
  beforeEach(async () => {
    dbPath = await mkdtemp(path.join(tmpdir(), 'tfc-process-'));
  });
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited(child);
    }
    await rm(dbPath, { recursive: true, force: true });
  });

  it('refuses a second open in the same process with the path and pid when the lock is held', async () => {
    const store = await openPersistence(dbPath, quietLogger);
    await assert.rejects(openPersistence(dbPath, quietLogger), (error: unknown) => {
      assert.ok(error instanceof DbPathLockedError);
      assert.match(error.message, new RegExp(`${dbPath}.*locked by process ${process.pid}`));
      return true;
    });
    await store.close();
    const reopened = await openPersistence(dbPath, quietLogger);
    await reopened.close();
  });

  it('refuses another process when this process holds the dbPath', async () => {
    const store = await openPersistence(dbPath, quietLogger);
    const { child, waitFor } = runChild(tryOpenScript, dbPath);
    children.push(child);
    await waitFor(new RegExp(`DbPathLockedError: dbPath ${dbPath} is locked by process ${process.pid}`));
    await store.close();
  });

  it('takes over the lock with a warning when its holder was killed with SIGKILL', async () => {
    const { child, waitFor } = runChild(holdLockScript, dbPath);
    children.push(child);
    await waitFor(/^holding$/);
    await assert.rejects(
      openPersistence(dbPath, quietLogger),
      (error: unknown) => error instanceof DbPathLockedError && error.holderPid === child.pid,
    );
    child.kill('SIGKILL');
    await exited(child);

    const warnings: object[] = [];
    const store = await openPersistence(dbPath, { warn: (obj) => warnings.push(obj), info: () => undefined });
    assert.deepEqual(warnings, [{ dbPath, stalePid: child.pid }]);
    await store.close();
  });

  it('keeps every acknowledged write when the writer is killed with SIGKILL mid-loop', async () => {
    const { child, lines, waitFor } = runChild(appendLoopScript, dbPath);
    children.push(child);
    await waitFor(/^ack 1500$/);
    child.kill('SIGKILL');
    await exited(child);
    const acknowledged = lines.filter((line) => line.startsWith('ack ')).map((line) => Number(line.slice(4)));
    assert.ok(acknowledged.length >= 1500);

    const store = await openPersistence(dbPath, quietLogger);
    const seen: number[] = [];
    const stats = await store.load(
      (doc) => seen.push(doc.seq),
      (rec) => seen.push(rec.seq),
    );
    await store.close();
    assert.ok(stats.snapshotDocs > 0, 'the child compacted at least once before it was killed');
    const present = new Set(seen);
    assert.equal(present.size, seen.length, 'no record is replayed twice');
    const missing = acknowledged.filter((seq) => !present.has(seq));
    assert.deepEqual(missing, [], `${missing.length} acknowledged writes were lost`);
  });
});
