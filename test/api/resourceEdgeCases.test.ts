import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Resource } from '../../server/db/models/Resource.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { pdfWith } from '../fixtures/uploadFiles.js';
import { signInAll, write, type Persona } from './discussionsSupport.js';
import { shareFile } from './resourcesSupport.js';

describe('resources: edge cases', function () {
  this.timeout(30_000);
  let app: TestApp;
  let p: Record<'member-a' | 'coordinator-a', Persona>;
  before(async () => {
    app = await startTestApp();
    p = await signInAll(app, ['member-a', 'coordinator-a']);
  });
  after(() => app.close());

  it('lets a coordinator remove their task force’s own resources but not what a member shared with the whole community', async () => {
    const community = await shareFile(p['member-a'], { bytes: pdfWith('for everyone'), name: 'everyone.pdf' });
    assert.equal(community.abilities.canDelete, true);
    const asCoordinator = await p['coordinator-a'].agent.get(`/api/resources/${community.id}`).expect(200);
    assert.equal(asCoordinator.body.resource.abilities.canDelete, false);
    await write(p['coordinator-a'], 'delete', `/api/resources/${community.id}`).expect(403);
    const internal = await shareFile(p['member-a'], { bytes: pdfWith('for us'), name: 'us.pdf' }, { visibility: 'task_force' });
    await write(p['coordinator-a'], 'delete', `/api/resources/${internal.id}`).expect(200);
  });

  it('accepts an empty text file (it takes no quota)', async () => {
    const empty = await shareFile(p['member-a'], { bytes: Buffer.alloc(0), name: 'empty.txt' });
    assert.equal(empty.latestVersion?.size, 0);
  });

  it('answers 404, not a broken download, when the stored bytes have gone missing', async () => {
    const resource = await shareFile(p['member-a'], { bytes: pdfWith('soon missing'), name: 'missing.pdf' });
    const key = (await Resource.findById(resource.id).lean())!.versions[0].storageKey;
    await rm(path.join(app.config.UPLOAD_DIR, 'objects', key.slice(0, 2), key));
    const res = await p['member-a'].agent.get(`/api/resources/${resource.id}/download`);
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'not_found');
    assert.equal(res.headers['content-disposition'], undefined);
  });
});
