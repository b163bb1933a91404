import assert from 'node:assert/strict';
import mongoose from 'mongoose';
import { Attachment } from '../../server/db/models/Attachment.js';
import { runStraySweepOnce } from '../../server/jobs/sweepStrayUploads.js';
import { createLogger } from '../../server/logger.js';
import { memoryKeyValueStore } from '../../server/redis/kv.js';
import { createFileServices } from '../../server/storage/index.js';
import { pdfWith } from '../fixtures/uploadFiles.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { categoriesBySlug, personaOf, startThread, type Persona } from './discussionsSupport.js';
import { download, uploadAs } from './resourcesSupport.js';

const TWO_DAYS_AGO = () => new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);

describe('attachments: uploads no post claimed are removed after a day', function () {
  this.timeout(30_000);
  let app: TestApp;
  let a: Persona;
  before(async () => {
    app = await startTestApp();
    a = await personaOf(app, 'member-a');
  });
  after(() => app.close());

  const upload = async (name: string) => (await uploadAs(a, '/api/attachments', {}, { bytes: pdfWith(name), name: `${name}.pdf` }).expect(201)).body.attachment as { id: string; size: number };
  const used = async () => (await a.agent.get('/api/me/storage').expect(200)).body.usedBytes as number;
  // Backdated in the collection itself: mongoose's timestamps would overwrite createdAt.
  const backdate = (id: string) => mongoose.connection.db!.collection('attachments').updateOne({ _id: new mongoose.mongo.ObjectId(id) }, { $set: { createdAt: TWO_DAYS_AGO() } });

  it('removes an old unclaimed upload with its bytes and quota, and keeps new ones and claimed ones', async () => {
    const before = await used();
    const abandoned = await upload('abandoned');
    const fresh = await upload('fresh');
    const claimed = await upload('claimed');
    const categories = await categoriesBySlug(await personaOf(app, 'moderator'));
    await startThread(a, categories['labor-trafficking'].id, undefined, 'With a file', [claimed.id]);
    await backdate(abandoned.id);
    await backdate(claimed.id);
    assert.equal(await used(), before + abandoned.size + fresh.size + claimed.size);

    const result = await runStraySweepOnce({ ...createFileServices(app.config) }, { kv: memoryKeyValueStore(), logger: createLogger('silent') });
    assert.ok(result && result.unclaimedAttachmentsRemoved >= 1, JSON.stringify(result));
    assert.equal(await Attachment.exists({ _id: abandoned.id }), null);
    await a.agent.get(`/api/attachments/${abandoned.id}/download`).expect(404);
    await download(a, `/api/attachments/${fresh.id}/download`).expect(200);
    await download(a, `/api/attachments/${claimed.id}/download`).expect(200);
    assert.equal(await used(), before + fresh.size + claimed.size);
  });
});
