import assert from 'node:assert/strict';
import { Resource } from '../../server/db/models/Resource.js';
import { createFileServices } from '../../server/storage/index.js';
import { docxWith, pdfWith } from '../fixtures/uploadFiles.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { personaOf, write, type Persona } from './discussionsSupport.js';
import { download, shareFile, uploadAs, uniqueResourceTitle } from './resourcesSupport.js';

type Driver = 'disk' | 'gridfs';

/** Every key the app's storage holds, read through the same driver the app uses. */
async function storedKeys(app: TestApp): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const key of createFileServices(app.config).storage.keysStoredBefore(new Date(Date.now() + 60_000))) keys.add(key);
  return keys;
}

const storageKeysOf = async (resourceId: string): Promise<string[]> => ((await Resource.findById(resourceId).lean())?.versions ?? []).map((v) => v.storageKey);

/** A text file of exactly `size` bytes: the one allowed type whose size can be chosen freely. */
const textOfSize = (size: number, seed: number): Buffer => Buffer.from(`${seed} `.padEnd(size, 'x').slice(0, size));

function storageSuite(driver: Driver): void {
  describe(`resource storage: ${driver} driver`, function () {
    this.timeout(90_000);
    let app: TestApp;
    let owner: Persona;
    let reader: Persona;

    before(async () => {
      app = await startTestApp({ STORAGE: driver });
      owner = await personaOf(app, 'member-a');
      reader = await personaOf(app, 'member-b');
    });
    after(() => app.close());

    it('stores an upload and downloads exactly the same bytes', async () => {
      assert.equal(app.config.STORAGE, driver);
      const bytes = Buffer.concat([pdfWith(`${driver} round trip`), Buffer.alloc(300 * 1024, 0x20)]);
      const resource = await shareFile(owner, { bytes, name: 'round-trip.pdf' });
      const [key] = await storageKeysOf(resource.id);
      assert.ok((await storedKeys(app)).has(key), 'the key is in this driver');
      const got = await download(reader, `/api/resources/${resource.id}/download`).expect(200);
      assert.equal(Number(got.headers['content-length']), bytes.length);
      assert.ok(Buffer.compare(got.body as Buffer, bytes) === 0);
    });

    it('serves byte ranges from the middle, the end and a suffix', async () => {
      const bytes = Buffer.concat([pdfWith(`${driver} ranges`), Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251))]);
      const resource = await shareFile(owner, { bytes, name: 'ranges.pdf' });
      const url = `/api/resources/${resource.id}/download`;
      for (const [header, start, end] of [['bytes=10-99', 10, 99], [`bytes=${bytes.length - 5}-`, bytes.length - 5, bytes.length - 1], ['bytes=-7', bytes.length - 7, bytes.length - 1]] as const) {
        const part = await download(reader, url).set('Range', header).expect(206);
        assert.equal(part.headers['content-range'], `bytes ${start}-${end}/${bytes.length}`, header);
        assert.ok(Buffer.compare(part.body as Buffer, bytes.subarray(start, end + 1)) === 0, header);
      }
      await reader.agent.get(url).set('Range', `bytes=${bytes.length}-`).expect(416);
    });

    it('keeps every version retrievable by number', async () => {
      const first = docxWith(`${driver} first`);
      const second = docxWith(`${driver} second, a little longer`);
      const resource = await shareFile(owner, { bytes: first, name: 'versions.docx' }, { type: 'template' });
      await uploadAs(owner, `/api/resources/${resource.id}/versions`, {}, { bytes: second, name: 'versions.docx' }).expect(201);
      const latest = await download(reader, `/api/resources/${resource.id}/download`).expect(200);
      assert.ok(Buffer.compare(latest.body as Buffer, second) === 0);
      const v1 = await download(reader, `/api/resources/${resource.id}/download?version=1`).expect(200);
      assert.ok(Buffer.compare(v1.body as Buffer, first) === 0);
      assert.equal(new Set(await storageKeysOf(resource.id)).size, 2, 'each version has its own key');
    });

    it('removes the bytes of every version when the resource is deleted', async () => {
      const resource = await shareFile(owner, { bytes: pdfWith(`${driver} delete v1`), name: 'delete.pdf' });
      await uploadAs(owner, `/api/resources/${resource.id}/versions`, {}, { bytes: pdfWith(`${driver} delete v2`), name: 'delete.pdf' }).expect(201);
      const keys = await storageKeysOf(resource.id);
      const before = await storedKeys(app);
      assert.ok(keys.every((k) => before.has(k)));
      await write(owner, 'delete', `/api/resources/${resource.id}`).expect(200);
      const after = await storedKeys(app);
      assert.deepEqual(keys.filter((k) => after.has(k)), [], 'no version left in storage');
      await reader.agent.get(`/api/resources/${resource.id}/download?version=1`).expect(404);
    });
  });

  describe(`storage quota race: ${driver} driver`, function () {
    this.timeout(120_000);
    let app: TestApp;
    let uploader: Persona;
    const quotaBytes = 256 * 1024;

    before(async () => {
      app = await startTestApp({ STORAGE: driver, UPLOAD_QUOTA_MB: String(quotaBytes / (1024 * 1024)) });
      uploader = await personaOf(app, 'coordinator-b');
    });
    after(() => app.close());

    it('lets 20 concurrent uploads take the quota only as far as it goes', async () => {
      const usedBefore = (await uploader.agent.get('/api/me/storage').expect(200)).body.usedBytes as number;
      assert.equal((await uploader.agent.get('/api/me/storage').expect(200)).body.quotaBytes, quotaBytes);
      const room = quotaBytes - usedBefore;
      assert.ok(room > 20 * 1024, `the persona has room for the race (used ${usedBefore} of ${quotaBytes})`);
      // Sized so that exactly 7 fit in the room left: 13 must be refused however the requests interleave.
      const size = Math.floor(room / 7.5);
      const keysBefore = await storedKeys(app);

      const race = Array.from({ length: 20 }, (_, i) =>
        uploadAs(uploader, '/api/resources', { title: uniqueResourceTitle('Race'), type: 'document', visibility: 'community' }, { bytes: textOfSize(size, i), name: `race-${i}.txt` }),
      );
      const results = await Promise.all(race);
      const statuses = results.map((r) => r.status);
      assert.ok(statuses.every((s) => s === 201 || s === 413), `only 201 or 413: ${statuses.join(',')}`);
      const accepted = results.filter((r) => r.status === 201);
      const refused = results.filter((r) => r.status === 413);
      assert.equal(accepted.length, 7, `exactly as many as fit: ${statuses.join(',')}`);
      for (const r of refused) assert.equal(r.body.error.code, 'payload_too_large');

      const usage = (await uploader.agent.get('/api/me/storage').expect(200)).body.usedBytes as number;
      assert.ok(usage <= quotaBytes, `used ${usage} of ${quotaBytes}`);
      assert.equal(usage - usedBefore, accepted.reduce((sum, r) => sum + (r.body.resource.latestVersion.size as number), 0));

      const newKeys = [...(await storedKeys(app))].filter((k) => !keysBefore.has(k));
      const acceptedKeys = (await Promise.all(accepted.map((r) => storageKeysOf(r.body.resource.id as string)))).flat();
      assert.deepEqual(newKeys.sort(), acceptedKeys.sort(), 'storage holds the accepted files and nothing of the refused ones');

      // Cleaning up through the API gives the quota back, so the next driver's race starts from the same room.
      for (const r of accepted) await write(uploader, 'delete', `/api/resources/${r.body.resource.id as string}`).expect(200);
      assert.equal((await uploader.agent.get('/api/me/storage').expect(200)).body.usedBytes, usedBefore);
    });

    it('returns the quota once when the same resource is deleted by several requests at once', async () => {
      const usedBefore = (await uploader.agent.get('/api/me/storage').expect(200)).body.usedBytes as number;
      const bytes = textOfSize(4096, 99);
      const resource = await shareFile(uploader, { bytes, name: 'twice.txt' });
      const deletes = await Promise.all(Array.from({ length: 5 }, () => write(uploader, 'delete', `/api/resources/${resource.id}`)));
      const statuses = deletes.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 404, 404, 404, 404], statuses.join(','));
      assert.equal((await uploader.agent.get('/api/me/storage').expect(200)).body.usedBytes, usedBefore, 'released exactly once');
    });
  });
}

for (const driver of ['disk', 'gridfs'] as const) storageSuite(driver);

describe('resource storage: GridFS shared by two app instances', function () {
  this.timeout(90_000);
  let first: TestApp;
  let second: TestApp;

  before(async () => {
    first = await startTestApp({ STORAGE: 'gridfs' });
    second = await startTestApp({ STORAGE: 'gridfs' });
  });
  after(async () => {
    await first.close();
    await second.close();
  });

  it('downloads through one instance what was uploaded through another', async () => {
    assert.notEqual(first.config.UPLOAD_DIR, second.config.UPLOAD_DIR, 'the instances share no disk');
    const bytes = Buffer.concat([pdfWith('Uploaded on instance one'), Buffer.alloc(600 * 1024, 0x2e)]);
    const resource = await shareFile(await personaOf(first, 'member-a'), { bytes, name: 'shared.pdf' });
    const reader = await personaOf(second, 'member-b');
    const got = await download(reader, `/api/resources/${resource.id}/download`).expect(200);
    assert.ok(Buffer.compare(got.body as Buffer, bytes) === 0);
    const part = await download(reader, `/api/resources/${resource.id}/download`).set('Range', 'bytes=300000-300099').expect(206);
    assert.ok(Buffer.compare(part.body as Buffer, bytes.subarray(300000, 300100)) === 0);
  });
});
