import assert from 'node:assert/strict';
import sharp from 'sharp';
import type { ResourceDto } from '../../shared/dto/resource.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { docxWith, jpegWithGps, pdfWith } from '../fixtures/uploadFiles.js';
import { signInAll, write, type Persona } from './discussionsSupport.js';
import { download, shareFile, uniqueResourceTitle, uploadAs } from './resourcesSupport.js';

describe('resources: share, find, version, download', function () {
  this.timeout(60_000);
  let app: TestApp;
  let p: Record<'member-a' | 'member-b' | 'coordinator-a' | 'moderator', Persona>;

  before(async () => {
    app = await startTestApp();
    p = await signInAll(app, ['member-a', 'member-b', 'coordinator-a', 'moderator']);
  });
  after(() => app.close());

  it('shares a PDF, lists it, finds it by a word inside the file, and downloads the same bytes with safe headers', async () => {
    const bytes = pdfWith('Labor trafficking intake checklist zebracorn');
    const resource = await shareFile(p['member-a'], { bytes, name: 'Intake checklist.pdf' }, { tags: 'Intake, checklists, intake', type: 'checklist' });
    assert.equal(resource.latestVersion?.contentType, 'application/pdf');
    assert.equal(resource.latestVersion?.fileName, 'Intake checklist.pdf');
    assert.deepEqual(resource.tags, ['intake', 'checklists']);
    assert.equal(resource.taskForce?.code, 'DEMO-A');

    const found = await p['member-b'].agent.get('/api/resources').query({ q: 'zebracorn' }).expect(200);
    assert.deepEqual(found.body.items.map((r: ResourceDto) => r.id), [resource.id]);

    const res = await download(p['member-b'], `/api/resources/${resource.id}/download`).expect(200);
    assert.ok(Buffer.compare(res.body as Buffer, bytes) === 0);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(res.headers['content-disposition'], /^attachment; filename="Intake checklist.pdf"/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(res.headers['content-security-policy'], /sandbox/);
    assert.equal(res.headers['cache-control'], 'private, no-store');

    const after = await p['member-a'].agent.get(`/api/resources/${resource.id}`).expect(200);
    assert.equal(after.body.resource.downloadCount, 1);
  });

  it('serves byte ranges and refuses a range past the end with 416', async () => {
    const bytes = pdfWith('Range test document');
    const resource = await shareFile(p['member-a'], { bytes, name: 'range.pdf' });
    const part = await download(p['member-a'], `/api/resources/${resource.id}/download`).set('Range', 'bytes=5-14').expect(206);
    assert.equal(part.headers['content-range'], `bytes 5-14/${bytes.length}`);
    assert.ok(Buffer.compare(part.body as Buffer, bytes.subarray(5, 15)) === 0);
    const beyond = await p['member-a'].agent.get(`/api/resources/${resource.id}/download`).set('Range', `bytes=${bytes.length + 10}-`).expect(416);
    assert.equal(beyond.body.error.code, 'range_not_satisfiable');
    assert.equal(beyond.headers['content-range'], `bytes */${bytes.length}`);
  });

  it('keeps versions: downloads get the latest unless a version is named', async () => {
    const first = docxWith('First draft of the MOU');
    const resource = await shareFile(p['member-a'], { bytes: first, name: 'MOU template.docx' }, { type: 'template' });
    const second = docxWith('Second draft of the MOU');
    const res = await uploadAs(p['member-a'], `/api/resources/${resource.id}/versions`, {}, { bytes: second, name: 'MOU template v2.docx' }).expect(201);
    assert.deepEqual(res.body.resource.versions.map((v: { number: number }) => v.number), [2, 1]);
    const latest = await download(p['member-b'], `/api/resources/${resource.id}/download`).expect(200);
    assert.ok(Buffer.compare(latest.body as Buffer, second) === 0);
    const v1 = await download(p['member-b'], `/api/resources/${resource.id}/download?version=1`).expect(200);
    assert.ok(Buffer.compare(v1.body as Buffer, first) === 0);
    await p['member-b'].agent.get(`/api/resources/${resource.id}/download?version=3`).expect(404);
    // Only the uploader's side may add versions.
    await uploadAs(p['member-b'], `/api/resources/${resource.id}/versions`, {}, { bytes: second, name: 'x.docx' }).expect(403);
  });

  it('re-encodes images without their EXIF and GPS, and previews them inline', async () => {
    const original = await jpegWithGps();
    assert.ok((await sharp(original).metadata()).exif, 'the fixture carries EXIF');
    const resource = await shareFile(p['member-a'], { bytes: original, name: 'scene.jpg' }, { type: 'training' });
    const res = await download(p['member-a'], `/api/resources/${resource.id}/preview`).expect(200);
    assert.equal(res.headers['content-type'], 'image/jpeg');
    assert.match(res.headers['content-disposition'], /^inline/);
    const meta = await sharp(res.body as Buffer).metadata();
    assert.equal(meta.exif, undefined);
    assert.equal(meta.width, 32);
    assert.ok(!(res.body as Buffer).includes(Buffer.from('TestCam')));
  });

  it('shares an https link, and refuses javascript: and http: links', async () => {
    const ok = await uploadAs(p['member-a'], '/api/resources', { title: uniqueResourceTitle('Link'), type: 'link', visibility: 'community', url: 'https://www.ojp.gov/' }).expect(201);
    assert.equal(ok.body.resource.url, 'https://www.ojp.gov/');
    for (const url of ['javascript:alert(1)', 'http://example.org/', 'data:text/html,<script>alert(1)</script>']) {
      const res = await uploadAs(p['member-a'], '/api/resources', { title: uniqueResourceTitle('Link'), type: 'link', visibility: 'community', url });
      assert.equal(res.status, 400, url);
    }
  });

  it('keeps task-force resources inside the task force: list, search, metadata and download', async () => {
    const secret = await shareFile(p['member-a'], { bytes: pdfWith('quokkaplan internal'), name: 'internal.pdf' }, { visibility: 'task_force', title: 'Quokkaplan internal roster' });
    for (const who of ['member-a', 'coordinator-a', 'moderator'] as const) {
      await p[who].agent.get(`/api/resources/${secret.id}`).expect(200);
      const found = await p[who].agent.get('/api/resources').query({ q: 'quokkaplan' }).expect(200);
      assert.equal(found.body.items.length, 1, who);
    }
    const b = p['member-b'];
    await b.agent.get(`/api/resources/${secret.id}`).expect(404);
    await b.agent.get(`/api/resources/${secret.id}/download`).expect(404);
    await b.agent.get(`/api/resources/${secret.id}/preview`).expect(404);
    assert.equal((await b.agent.get('/api/resources').query({ q: 'quokkaplan' }).expect(200)).body.items.length, 0);
    const listed = await b.agent.get('/api/resources').query({ limit: 100 }).expect(200);
    assert.ok(!listed.body.items.some((r: ResourceDto) => r.id === secret.id));
    await write(b, 'delete', `/api/resources/${secret.id}`).expect(404);
  });

  it('removes a resource: its downloads stop and the quota is given back', async () => {
    const before = (await p['member-a'].agent.get('/api/me/storage').expect(200)).body.usedBytes as number;
    const bytes = pdfWith('to be removed');
    const resource = await shareFile(p['member-a'], { bytes, name: 'remove-me.pdf' });
    assert.equal((await p['member-a'].agent.get('/api/me/storage').expect(200)).body.usedBytes, before + bytes.length);
    await write(p['member-b'], 'delete', `/api/resources/${resource.id}`).expect(403);
    await write(p['member-a'], 'delete', `/api/resources/${resource.id}`).expect(200);
    await p['member-a'].agent.get(`/api/resources/${resource.id}/download`).expect(404);
    assert.equal((await p['member-a'].agent.get('/api/me/storage').expect(200)).body.usedBytes, before);
  });
});
