import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/app.js';
import { pdfWith } from '../fixtures/uploadFiles.js';
import { personaOf } from '../api/discussionsSupport.js';
import { uniqueResourceTitle, uploadAs } from '../api/resourcesSupport.js';

describe('uploads: a per-member brake', function () {
  this.timeout(30_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ UPLOADS_PER_MINUTE: '3' });
  });
  after(() => app.close());

  it('answers 429 with Retry-After after the member’s uploads for the minute, across upload routes, and not for others', async () => {
    const a = await personaOf(app, 'member-a');
    const b = await personaOf(app, 'member-b');
    const file = { bytes: pdfWith('brake'), name: 'brake.pdf' };
    for (let i = 0; i < 2; i++) await uploadAs(a, '/api/resources', { title: uniqueResourceTitle('Brake'), type: 'document', visibility: 'community' }, file).expect(201);
    await uploadAs(a, '/api/attachments', {}, file).expect(201);
    const refused = await uploadAs(a, '/api/attachments', {}, file);
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error.code, 'rate_limited');
    assert.ok(Number(refused.headers['retry-after']) > 0);
    await uploadAs(b, '/api/attachments', {}, file).expect(201);
  });
});
