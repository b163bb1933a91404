import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { Attachment } from '../../server/db/models/Attachment.js';
import { Resource } from '../../server/db/models/Resource.js';
import { liveStorageKeys } from '../../server/domain/files/liveStorageKeys.js';
import { runStraySweepOnce, STRAY_AGE_MS, sweepStrayUploads } from '../../server/jobs/sweepStrayUploads.js';
import { createLogger } from '../../server/logger.js';
import { memoryKeyValueStore, redisKeyValueStore } from '../../server/redis/kv.js';
import { createFileServices, type FileServices } from '../../server/storage/index.js';
import { pdfWith } from '../fixtures/uploadFiles.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { personaOf, type Persona } from './discussionsSupport.js';
import { download, shareFile } from './resourcesSupport.js';

const TWO_HOURS_AGO = () => new Date(Date.now() - 2 * STRAY_AGE_MS);
const cutOff = () => new Date(Date.now() - STRAY_AGE_MS);
const logger = createLogger('silent');

async function keysIn(files: FileServices): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const key of files.storage.keysStoredBefore(new Date(Date.now() + 60_000))) keys.add(key);
  return keys;
}

/** Makes a stored object look old, as the driver records its age. */
async function age(files: FileServices, key: string, when: Date): Promise<void> {
  if (files.storage.kind === 'gridfs') {
    await mongoose.connection.db!.collection('uploads.files').updateOne({ _id: new mongoose.mongo.ObjectId(key) }, { $set: { uploadDate: when } });
  } else {
    await utimes(path.join(path.dirname(files.tempDir), 'objects', key.slice(0, 2), key), when, when);
  }
}

async function storeStray(files: FileServices, when?: Date): Promise<string> {
  const source = path.join(os.tmpdir(), `tfc-stray-${randomBytes(6).toString('hex')}`);
  await writeFile(source, randomBytes(256));
  const { key } = await files.storage.put(source, 'application/pdf');
  if (when) await age(files, key, when);
  return key;
}

const keyOf = async (resourceId: string): Promise<string> => (await Resource.findById(resourceId).lean())!.versions[0]!.storageKey;

function sweepSuite(driver: 'disk' | 'gridfs'): void {
  describe(`stray upload sweep: ${driver} driver`, function () {
    this.timeout(60_000);
    let app: TestApp;
    let files: FileServices;
    let owner: Persona;

    before(async () => {
      app = await startTestApp({ STORAGE: driver });
      files = createFileServices(app.config);
      owner = await personaOf(app, 'member-a');
    });
    after(() => app.close());

    it('removes old unreferenced objects and keeps recent ones and those a live resource points at', async () => {
      const oldStray = await storeStray(files, TWO_HOURS_AGO());
      const recentStray = await storeStray(files);
      const live = await shareFile(owner, { bytes: pdfWith(`${driver} live and old`), name: 'live.pdf' });
      const liveKey = await keyOf(live.id);
      await age(files, liveKey, TWO_HOURS_AGO());
      // A deleted resource whose byte removal failed: its record remains but no longer protects the bytes.
      const gone = await shareFile(owner, { bytes: pdfWith(`${driver} deleted`), name: 'gone.pdf' });
      const goneKey = await keyOf(gone.id);
      await Resource.updateOne({ _id: gone.id }, { $set: { deletedAt: new Date() } });
      await age(files, goneKey, TWO_HOURS_AGO());

      const result = await sweepStrayUploads(files, cutOff());
      const left = await keysIn(files);
      assert.ok(!left.has(oldStray), 'an old stray is removed');
      assert.ok(!left.has(goneKey), "a deleted resource's leftover bytes are removed");
      assert.ok(left.has(recentStray), 'a recent object may still be on its way to a record: kept');
      assert.ok(left.has(liveKey), 'an old object a live resource points at is kept');
      assert.ok(result.objectsRemoved >= 2, JSON.stringify(result));
      const got = await download(owner, `/api/resources/${live.id}/download`).expect(200);
      assert.ok(Buffer.compare(got.body as Buffer, pdfWith(`${driver} live and old`)) === 0);

      const again = await sweepStrayUploads(files, cutOff());
      assert.equal(again.objectsRemoved, 0, 'a second run finds nothing more: the sweep is idempotent');
    });

    it('checks the keys against the records in one query per batch', async () => {
      const strays = await Promise.all(Array.from({ length: 30 }, () => storeStray(files, TWO_HOURS_AGO())));
      const live = await shareFile(owner, { bytes: pdfWith(`${driver} live among strays`), name: 'among.pdf' });
      const liveKey = await keyOf(live.id);
      await age(files, liveKey, TWO_HOURS_AGO());
      const oldKeys: string[] = [];
      for await (const key of files.storage.keysStoredBefore(cutOff())) oldKeys.push(key);
      const liveOld = (await liveStorageKeys(oldKeys)).size;
      assert.ok(liveOld >= 1);

      const find = Resource.find.bind(Resource);
      let queries = 0;
      Resource.find = ((...args: Parameters<typeof Resource.find>) => {
        queries += 1;
        return find(...args);
      }) as typeof Resource.find;
      let result;
      try {
        result = await sweepStrayUploads(files, cutOff(), { batchSize: 7 });
      } finally {
        Resource.find = find;
      }
      assert.equal(queries, Math.ceil(oldKeys.length / 7), `${oldKeys.length} old keys in batches of 7`);
      assert.equal(result.objectsRemoved, oldKeys.length - liveOld, 'all but the live ones');
      const left = await keysIn(files);
      assert.deepEqual(strays.filter((k) => left.has(k)), []);
      assert.ok(left.has(liveKey));
    });

    if (driver === 'gridfs') {
      it('removes the chunks of an upload that died before its files document was written', async () => {
        const chunks = mongoose.connection.db!.collection('uploads.chunks');
        const oldId = mongoose.mongo.ObjectId.createFromTime(Math.floor(TWO_HOURS_AGO().getTime() / 1000));
        const freshId = new mongoose.mongo.ObjectId();
        for (const id of [oldId, freshId]) {
          await chunks.insertMany([0, 1].map((n) => ({ files_id: id, n, data: new mongoose.mongo.Binary(randomBytes(64)) })));
        }
        const result = await sweepStrayUploads(files, cutOff());
        assert.ok(result.objectsRemoved >= 1);
        assert.equal(await chunks.countDocuments({ files_id: oldId }), 0, 'the old orphan chunks are gone');
        assert.equal(await chunks.countDocuments({ files_id: freshId }), 2, 'an upload still being written keeps its chunks');
        await chunks.deleteMany({ files_id: freshId });
      });
    }

    it('removes temp files older than an hour and leaves younger ones', async () => {
      await mkdir(files.tempDir, { recursive: true });
      const old = path.join(files.tempDir, `${Date.now()}-old`);
      const fresh = path.join(files.tempDir, `${Date.now()}-fresh`);
      await writeFile(old, 'half an upload');
      await writeFile(fresh, 'an upload in progress');
      await utimes(old, TWO_HOURS_AGO(), TWO_HOURS_AGO());
      const result = await sweepStrayUploads(files, cutOff());
      assert.equal(result.tempFilesRemoved, 1);
      assert.equal(existsSync(old), false);
      assert.equal(existsSync(fresh), true);
    });
  });
}

for (const driver of ['disk', 'gridfs'] as const) sweepSuite(driver);

describe('stray upload sweep: partial copies and the run-once lock', function () {
  this.timeout(60_000);
  let app: TestApp;
  let files: FileServices;

  before(async () => {
    app = await startTestApp();
    files = createFileServices(app.config);
  });
  after(() => app.close());

  it('removes a partial copy a crash left in the disk store', async () => {
    const key = await storeStray(files);
    const partial = path.join(path.dirname(files.tempDir), 'objects', key.slice(0, 2), `.partial-${randomBytes(16).toString('hex')}`);
    await writeFile(partial, 'cut short');
    await utimes(partial, TWO_HOURS_AGO(), TWO_HOURS_AGO());
    await sweepStrayUploads(files, cutOff());
    assert.equal(existsSync(partial), false);
  });

  it('keeps an old object that a post attachment points at', async () => {
    const key = await storeStray(files, TWO_HOURS_AGO());
    const attachment = await Attachment.create({ uploader: new mongoose.Types.ObjectId(), storageKey: key, fileName: 'kept.pdf', contentType: 'application/pdf', size: 256, sha256: '0'.repeat(64), isImage: false });
    try {
      await sweepStrayUploads(files, cutOff());
      assert.ok((await keysIn(files)).has(key));
    } finally {
      await Attachment.deleteOne({ _id: attachment._id });
    }
    await sweepStrayUploads(files, cutOff());
    assert.ok(!(await keysIn(files)).has(key), 'once nothing points at it, it goes');
  });

  it('runs on one instance only while the Redis lock is held, then again once it expires', async () => {
    assert.ok(app.running.redis, 'the test app has Redis');
    const kv = redisKeyValueStore(app.running.redis);
    const runs = await Promise.all([1, 2, 3].map(() => runStraySweepOnce(files, { kv, logger, lockMs: 400 })));
    assert.equal(runs.filter((r) => r !== null).length, 1, 'exactly one of three concurrent runs swept');
    assert.equal(await runStraySweepOnce(files, { kv, logger, lockMs: 400 }), null, 'still locked');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stray = await storeStray(files, TWO_HOURS_AGO());
    const later = await runStraySweepOnce(files, { kv, logger, lockMs: 400 });
    assert.ok(later && later.objectsRemoved >= 1, 'the next interval runs again');
    assert.ok(!(await keysIn(files)).has(stray));
  });

  it('uses the in-process lock when there is no Redis', async () => {
    const kv = memoryKeyValueStore();
    const runs = await Promise.all([1, 2].map(() => runStraySweepOnce(files, { kv, logger, lockMs: 10_000 })));
    assert.equal(runs.filter((r) => r !== null).length, 1);
  });
});
