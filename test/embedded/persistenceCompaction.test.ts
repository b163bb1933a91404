import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Document } from 'bson';
import { JournalCorruptionError, SnapshotCorruptionError, openPersistence } from '../../server/db/embedded/persistence/index.js';
import type { CompactionStep, Persistence, PersistenceOptions } from '../../server/db/embedded/persistence/index.js';

const quietLogger = { warn: () => undefined, info: () => undefined };
const STEPS: CompactionStep[] = [
  'journalRotated',
  'snapshotPartial',
  'snapshotSynced',
  'snapshotRenamed',
  'directorySynced',
  'oldJournalsRemoved',
];

/** A stand-in engine: its state is the set of sequence numbers applied, written before append like the real one. */
class SeqEngine {
  readonly applied = new Map<number, Document>();
  readonly acknowledged = new Set<number>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(readonly store: Persistence) {}

  write(seq: number, padding = ''): Promise<void> {
    const doc = { seq, padding };
    this.applied.set(seq, doc);
    const pending = this.store.append([doc]).then(() => {
      this.acknowledged.add(seq);
    });
    this.inFlight.add(pending);
    return pending.finally(() => this.inFlight.delete(pending));
  }

  settled(): Promise<unknown> {
    return Promise.allSettled([...this.inFlight]);
  }

  /** A frozen view: the array is taken at the cut, so later writes cannot leak into the snapshot. */
  snapshot = (): Iterable<Document> => [...this.applied.values()];
}

async function reloadSeqs(dbPath: string, options: PersistenceOptions = {}) {
  const store = await openPersistence(dbPath, quietLogger, options);
  const fromSnapshot: number[] = [];
  const fromJournal: number[] = [];
  const stats = await store.load(
    (doc) => fromSnapshot.push(doc.seq),
    (rec) => fromJournal.push(rec.seq),
  );
  const all = [...fromSnapshot, ...fromJournal].sort((a, b) => a - b);
  return { store, fromSnapshot, fromJournal, all, stats };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const padding = 'x'.repeat(1024);

describe('embedded persistence: compaction', () => {
  let root: string;
  let dbPath: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'tfc-compaction-'));
    dbPath = path.join(root, 'db');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('restores the snapshot plus later records when appends follow a compaction', async () => {
    const first = await reloadSeqs(dbPath);
    const engine = new SeqEngine(first.store);
    await Promise.all(range(0, 50).map((seq) => engine.write(seq)));
    await first.store.compact(engine.snapshot);
    assert.equal(first.store.journalBytes(), 0);
    await Promise.all(range(50, 60).map((seq) => engine.write(seq)));
    assert.ok(first.store.journalBytes() > 0);
    await first.store.close();

    assert.deepEqual((await readdir(dbPath)).sort(), ['journal-0000000002.log', 'snapshot.bson']);
    const second = await reloadSeqs(dbPath);
    assert.deepEqual(second.fromSnapshot.sort((a, b) => a - b), range(0, 50));
    assert.deepEqual(second.fromJournal, range(50, 60));
    assert.equal(second.stats.snapshotDocs, 50);
    await second.store.close();
  });

  it('replays appends made during a compaction exactly once when they arrive around the cut', async () => {
    let engine: SeqEngine | null = null;
    let next = 2000;
    const first = await reloadSeqs(dbPath, {
      afterCompactionStep: async () => {
        await engine?.write(next++);
      },
    });
    engine = new SeqEngine(first.store);
    await Promise.all(range(0, 2000).map((seq) => engine!.write(seq, padding)));
    const compaction = first.store.compact(engine.snapshot);
    const sameTurn = engine.write(5000);
    await Promise.all([compaction, sameTurn]);
    await first.store.close();

    const second = await reloadSeqs(dbPath);
    assert.deepEqual(second.all, [...range(0, next), 5000]);
    assert.deepEqual(second.fromJournal, range(2000, next));
    await second.store.close();
  });

  it('keeps exactly the acknowledged records when a crash strikes at any compaction step', async () => {
    let engine: SeqEngine | null = null;
    const images = new Map<CompactionStep, number[]>();
    let next = 2000;
    const store = await openPersistence(dbPath, quietLogger, {
      afterCompactionStep: async (step) => {
        if (!engine) return;
        void engine.write(next++);
        await engine.settled();
        // Copying the files at this instant is what a kill -9 would leave behind (minus the lock).
        await cp(dbPath, path.join(root, step), { recursive: true, filter: (source) => path.basename(source) !== 'LOCK' });
        images.set(step, [...engine.acknowledged].sort((a, b) => a - b));
      },
    });
    await store.load(
      () => undefined,
      () => undefined,
    );
    engine = new SeqEngine(store);
    await Promise.all(range(0, 2000).map((seq) => engine!.write(seq, padding)));
    await store.compact(engine.snapshot);
    await store.close();

    assert.deepEqual([...images.keys()], STEPS);
    for (const [step, acknowledged] of images) {
      const image = await reloadSeqs(path.join(root, step));
      assert.deepEqual(image.all, acknowledged, `after a crash at ${step}`);
      await image.store.close();
    }
  });

  for (const failingStep of STEPS) {
    it(`keeps working and loses nothing when the compaction fails at ${failingStep}`, async () => {
      let failAt: CompactionStep | null = failingStep;
      const first = await reloadSeqs(dbPath, {
        afterCompactionStep: (step) => {
          if (step === failAt) throw new Error(`injected failure at ${step}`);
        },
      });
      const engine = new SeqEngine(first.store);
      await Promise.all(range(0, 1500).map((seq) => engine.write(seq, padding)));
      await assert.rejects(first.store.compact(engine.snapshot), /injected failure/);
      await Promise.all(range(1500, 1510).map((seq) => engine.write(seq)));
      failAt = null;
      await first.store.compact(engine.snapshot);
      await engine.write(1510);
      await first.store.close();

      const second = await reloadSeqs(dbPath);
      assert.deepEqual(second.all, range(0, 1511));
      assert.deepEqual(second.fromJournal, [1510]);
      await second.store.close();
    });
  }

  it('keeps working and loses nothing when the snapshot iterable throws', async () => {
    const first = await reloadSeqs(dbPath);
    const engine = new SeqEngine(first.store);
    await Promise.all(range(0, 10).map((seq) => engine.write(seq)));
    await assert.rejects(
      first.store.compact(() => {
        throw new Error('engine could not freeze its state');
      }),
      /could not freeze/,
    );
    await engine.write(10);
    await first.store.close();

    const second = await reloadSeqs(dbPath);
    assert.deepEqual(second.fromJournal, range(0, 11));
    await second.store.close();
  });

  it('refuses to load when an older journal is cut short, since only the newest may end torn', async () => {
    const first = await reloadSeqs(dbPath, {
      afterCompactionStep: (step) => {
        if (step === 'snapshotSynced') throw new Error('injected failure');
      },
    });
    const engine = new SeqEngine(first.store);
    await Promise.all(range(0, 10).map((seq) => engine.write(seq)));
    await assert.rejects(first.store.compact(engine.snapshot), /injected failure/);
    await engine.write(10);
    await first.store.close();
    const olderJournal = path.join(dbPath, 'journal-0000000001.log');
    const bytes = await readFile(olderJournal);
    await writeFile(olderJournal, bytes.subarray(0, bytes.length - 3));

    const store = await openPersistence(dbPath, quietLogger);
    await assert.rejects(
      store.load(
        () => undefined,
        () => undefined,
      ),
      (error: unknown) => error instanceof JournalCorruptionError && error.file === olderJournal,
    );
    await store.close();
  });

  it('streams a snapshot larger than 16 MB when the state is large', async () => {
    const first = await reloadSeqs(dbPath);
    const engine = new SeqEngine(first.store);
    const megabyte = 'm'.repeat(1024 * 1024);
    await Promise.all(range(0, 20).map((seq) => engine.write(seq, megabyte)));
    await first.store.compact(engine.snapshot);
    await first.store.close();

    const second = await reloadSeqs(dbPath);
    assert.deepEqual(second.fromSnapshot.sort((a, b) => a - b), range(0, 20));
    await second.store.close();
  });

  it('refuses to load when the snapshot is damaged', async () => {
    const first = await reloadSeqs(dbPath);
    const engine = new SeqEngine(first.store);
    await Promise.all(range(0, 10).map((seq) => engine.write(seq)));
    await first.store.compact(engine.snapshot);
    await first.store.close();
    const file = path.join(dbPath, 'snapshot.bson');
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 3));

    const store = await openPersistence(dbPath, quietLogger);
    await assert.rejects(
      store.load(
        () => undefined,
        () => undefined,
      ),
      SnapshotCorruptionError,
    );
    await store.close();
  });
});
