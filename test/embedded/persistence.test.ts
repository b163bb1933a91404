import assert from 'node:assert/strict';
import { appendFile, mkdtemp, open, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Long, ObjectId } from 'bson';
import type { Document } from 'bson';
import { JournalCorruptionError, PersistenceFailedError, openPersistence } from '../../server/db/embedded/persistence/index.js';
import type { Persistence, PersistenceOptions, SyncKind } from '../../server/db/embedded/persistence/index.js';

interface Loaded {
  store: Persistence;
  snapshot: Document[];
  records: Document[];
  warnings: object[];
  stats: { snapshotDocs: number; records: number; tornBytesDropped: number };
}

async function openAndLoad(dbPath: string, options: PersistenceOptions = {}): Promise<Loaded> {
  const warnings: object[] = [];
  const store = await openPersistence(dbPath, { warn: (obj) => warnings.push(obj), info: () => undefined }, options);
  const snapshot: Document[] = [];
  const records: Document[] = [];
  const stats = await store.load(
    (doc) => snapshot.push(doc),
    (rec) => records.push(rec),
  );
  return { store, snapshot, records, warnings, stats };
}

const journalPath = (dbPath: string) => path.join(dbPath, 'journal-0000000001.log');

describe('embedded persistence: journal', () => {
  let dbPath: string;
  beforeEach(async () => {
    dbPath = await mkdtemp(path.join(tmpdir(), 'tfc-persistence-'));
  });
  afterEach(async () => {
    await rm(dbPath, { recursive: true, force: true });
  });

  it('replays every appended record in order when reopened', async () => {
    const first = await openAndLoad(dbPath);
    assert.deepEqual(first.stats, { snapshotDocs: 0, records: 0, tornBytesDropped: 0 });
    const id = new ObjectId();
    await first.store.append([{ op: 'insert', ns: 'db.posts', doc: { _id: id, title: 'protocol', at: new Date(0) } }]);
    await first.store.append([{ op: 'update', n: 2 }, { op: 'update', n: 3 }]);
    await first.store.close();

    const second = await openAndLoad(dbPath);
    assert.equal(second.stats.records, 3);
    assert.deepEqual(
      second.records.map((rec) => rec.op),
      ['insert', 'update', 'update'],
    );
    assert.ok(second.records[0].doc._id.equals(id));
    assert.equal(second.records[0].doc.at.getTime(), 0);
    assert.deepEqual(second.warnings, []);
    await second.store.close();
  });

  it('keeps 64-bit integers exact when they exceed the double range', async () => {
    const first = await openAndLoad(dbPath);
    const big = Long.fromString('9007199254740993');
    await first.store.append([{ big }]);
    await first.store.close();
    const second = await openAndLoad(dbPath);
    assert.equal(String(second.records[0].big), '9007199254740993');
    await second.store.close();
  });

  it('serves many concurrent appends with a handful of fsyncs when they arrive together', async () => {
    const syncs: SyncKind[] = [];
    const first = await openAndLoad(dbPath, { onSync: (kind) => syncs.push(kind) });
    syncs.length = 0;
    await Promise.all(Array.from({ length: 1000 }, (_, seq) => first.store.append([{ seq }])));
    const journalSyncs = syncs.filter((kind) => kind === 'journal').length;
    assert.ok(journalSyncs >= 1 && journalSyncs <= 5, `expected few journal fsyncs, got ${journalSyncs}`);
    await first.store.close();

    const second = await openAndLoad(dbPath);
    assert.deepEqual(
      second.records.map((rec) => rec.seq),
      Array.from({ length: 1000 }, (_, seq) => seq),
    );
    await second.store.close();
  });

  it('fsyncs before resolving when a single append waits alone', async () => {
    const syncs: SyncKind[] = [];
    const first = await openAndLoad(dbPath, { onSync: (kind) => syncs.push(kind) });
    syncs.length = 0;
    for (let seq = 0; seq < 3; seq++) {
      await first.store.append([{ seq }]);
      assert.equal(syncs.filter((kind) => kind === 'journal').length, seq + 1);
    }
    await first.store.close();
  });

  it('drops a torn final group with a warning and truncates the journal when the last write was cut short', async () => {
    const first = await openAndLoad(dbPath);
    await first.store.append([{ seq: 1 }]);
    const goodSize = (await stat(journalPath(dbPath))).size;
    await first.store.append([{ seq: 2 }, { seq: 3 }]);
    await first.store.close();
    const fullSize = (await stat(journalPath(dbPath))).size;
    await truncate(journalPath(dbPath), fullSize - 5);

    const second = await openAndLoad(dbPath);
    assert.deepEqual(
      second.records.map((rec) => rec.seq),
      [1],
    );
    assert.equal(second.stats.tornBytesDropped, fullSize - 5 - goodSize);
    assert.equal(second.warnings.length, 1);
    assert.equal((await stat(journalPath(dbPath))).size, goodSize);
    await second.store.append([{ seq: 4 }]);
    await second.store.close();

    const third = await openAndLoad(dbPath);
    assert.deepEqual(
      third.records.map((rec) => rec.seq),
      [1, 4],
    );
    assert.deepEqual(third.warnings, []);
    await third.store.close();
  });

  it('drops trailing garbage with a warning when a crash left junk after the last record', async () => {
    const first = await openAndLoad(dbPath);
    await first.store.append([{ seq: 1 }]);
    await first.store.close();
    await appendFile(journalPath(dbPath), Buffer.from('half-written frame bytes'));

    const second = await openAndLoad(dbPath);
    assert.deepEqual(
      second.records.map((rec) => rec.seq),
      [1],
    );
    assert.equal(second.stats.tornBytesDropped, 'half-written frame bytes'.length);
    assert.equal(second.warnings.length, 1);
    await second.store.close();
  });

  it('drops the final group with a warning when its payload checksum fails and nothing follows it', async () => {
    const first = await openAndLoad(dbPath);
    await first.store.append([{ seq: 1 }]);
    await first.store.append([{ seq: 2 }]);
    await first.store.close();
    const bytes = await readFile(journalPath(dbPath));
    bytes[bytes.length - 2] ^= 0xff;
    await writeFile(journalPath(dbPath), bytes);

    const second = await openAndLoad(dbPath);
    assert.deepEqual(
      second.records.map((rec) => rec.seq),
      [1],
    );
    assert.equal(second.warnings.length, 1);
    await second.store.close();
  });

  it('refuses to load with the file and offset when a record in the middle is corrupt', async () => {
    const first = await openAndLoad(dbPath);
    await first.store.append([{ seq: 1, text: 'first group' }]);
    await first.store.append([{ seq: 2, text: 'second group' }]);
    await first.store.close();
    const bytes = await readFile(journalPath(dbPath));
    bytes[30] ^= 0xff;
    await writeFile(journalPath(dbPath), bytes);

    const store = await openPersistence(dbPath, { warn: () => undefined, info: () => undefined });
    await assert.rejects(
      store.load(
        () => undefined,
        () => undefined,
      ),
      (error: unknown) =>
        error instanceof JournalCorruptionError && error.offset === 0 && error.message.includes(journalPath(dbPath)),
    );
    await store.close();
    assert.equal((await stat(journalPath(dbPath))).size, bytes.length, 'a corrupt journal is never truncated');
  });

  it('refuses to load when a damaged length field hides the records after it', async () => {
    const first = await openAndLoad(dbPath);
    await first.store.append([{ seq: 1 }]);
    await first.store.append([{ seq: 2 }]);
    await first.store.close();
    const handle = await open(journalPath(dbPath), 'r+');
    await handle.write(Buffer.from([0xff, 0xff, 0xff, 0x7f]), 0, 4, 4);
    await handle.close();

    const store = await openPersistence(dbPath, { warn: () => undefined, info: () => undefined });
    await assert.rejects(
      store.load(
        () => undefined,
        () => undefined,
      ),
      JournalCorruptionError,
    );
    await store.close();
  });

  it('rejects the waiting appends and every later one when an fsync fails', async () => {
    let failNextSync = false;
    const first = await openAndLoad(dbPath, {
      onSync: (kind) => {
        if (kind === 'journal' && failNextSync) throw new Error('EIO: simulated fsync failure');
      },
    });
    await first.store.append([{ seq: 1 }]);
    failNextSync = true;
    const results = await Promise.allSettled([first.store.append([{ seq: 2 }]), first.store.append([{ seq: 3 }])]);
    assert.deepEqual(
      results.map((result) => result.status),
      ['rejected', 'rejected'],
    );
    failNextSync = false;
    await assert.rejects(first.store.append([{ seq: 4 }]), PersistenceFailedError);
    await first.store.close();

    const second = await openAndLoad(dbPath);
    assert.equal(second.records[0].seq, 1);
    assert.ok(!second.records.some((rec) => rec.seq === 4));
    await second.store.close();
  });

  it('counts journal bytes since the last compaction when records are appended', async () => {
    const first = await openAndLoad(dbPath);
    assert.equal(first.store.journalBytes(), 0);
    await first.store.append([{ seq: 1 }]);
    assert.equal(first.store.journalBytes(), (await stat(journalPath(dbPath))).size);
    await first.store.close();
  });

  it('rejects appends when load has not run yet or the store is closed', async () => {
    const store = await openPersistence(dbPath, { warn: () => undefined, info: () => undefined });
    await assert.rejects(store.append([{ seq: 1 }]), /not ready/);
    await store.load(
      () => undefined,
      () => undefined,
    );
    await store.close();
    await assert.rejects(store.append([{ seq: 1 }]), /closed/);
  });
});
