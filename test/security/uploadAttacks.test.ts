import assert from 'node:assert/strict';
import http from 'node:http';
import { pdfWith } from '../fixtures/uploadFiles.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { signInAs } from '../support/saml.js';
import { sessionCookieOf } from '../support/sockets.js';
import { personaOf, type Persona } from '../api/discussionsSupport.js';
import { assertNothingKept, assertRefused, multipart, postMultipart, shareFields, uploadState, type RawPart } from './uploadAttacksSupport.js';

const samplePdf = (): RawPart => ({ name: 'file', value: pdfWith('Attack test document'), filename: 'sample.pdf', contentType: 'application/pdf' });

describe('upload attacks: the multipart body itself', function () {
  this.timeout(60_000);
  let app: TestApp;
  let small: TestApp;
  let member: Persona;

  before(async () => {
    app = await startTestApp();
    // 0.01 MB = 10,485 bytes: checks the config takes fractions, and keeps the oversized body small.
    small = await startTestApp({ MAX_UPLOAD_MB: '0.01' });
    member = await personaOf(app, 'member-a');
  });
  after(async () => {
    await app.close();
    await small.close();
  });

  it('refuses a file over MAX_UPLOAD_MB with 413 and keeps nothing', async () => {
    assert.equal(small.config.MAX_UPLOAD_MB, 0.01);
    const p = await personaOf(small, 'member-a');
    const before = await uploadState(small, p);
    const big = Buffer.concat([pdfWith('big'), Buffer.alloc(64 * 1024, 0x20)]);
    const res = await postMultipart(p, '/api/resources', [...shareFields(), { name: 'file', value: big, filename: 'big.pdf', contentType: 'application/pdf' }]);
    assertRefused(res, 413, 'oversized');
    assert.equal(res.body.error.code, 'payload_too_large');
    assert.match(res.body.error.message, /10\.2 KB/, 'the limit is named in units a person can read');
    await assertNothingKept(small, p, before, 'oversized');
    // A file just under the limit still goes through on the same instance.
    const fits = await postMultipart(p, '/api/resources', [...shareFields(), samplePdf()]);
    assert.equal(fits.status, 201, JSON.stringify(fits.body));
  });

  const malformed: [string, () => RawPart[]][] = [
    ['too many text fields', () => [...shareFields(), ...Array.from({ length: 20 }, (_, i) => ({ name: `x${i}`, value: 'y' })), samplePdf()]],
    ['too many parts (30 text parts before the file)', () => [...Array.from({ length: 30 }, (_, i) => ({ name: `p${i}`, value: '' })), samplePdf()]],
    ['a nested field name a[b]', () => [...shareFields(), { name: 'a[b]', value: 'nested' }, samplePdf()]],
    ['a nested title[x] field', () => [...shareFields().filter((f) => f.name !== 'title'), { name: 'title[x]', value: 'Nested title' }, samplePdf()]],
    ['a __proto__ field', () => [...shareFields(), { name: '__proto__', value: 'polluted' }, samplePdf()]],
    ['a __proto__[admin] field', () => [...shareFields(), { name: '__proto__[admin]', value: 'true' }, samplePdf()]],
    ['a constructor[prototype][admin] field', () => [...shareFields(), { name: 'constructor[prototype][admin]', value: 'true' }, samplePdf()]],
    ['two files', () => [...shareFields(), samplePdf(), { ...samplePdf(), filename: 'second.pdf' }]],
    ['a file under another field name', () => [...shareFields(), { ...samplePdf(), name: 'attachment' }]],
    ['a file under a text field name', () => [...shareFields().filter((f) => f.name !== 'title'), { ...samplePdf(), name: 'title' }]],
    ['a repeated title field', () => [...shareFields(), { name: 'title', value: 'A second title' }, samplePdf()]],
    ['a repeated visibility field', () => [...shareFields(), { name: 'visibility', value: 'task_force' }, samplePdf()]],
    ['an unknown field', () => [...shareFields(), { name: 'uploader', value: '000000000000000000000000' }, samplePdf()]],
    ['a very long field name', () => [...shareFields(), { name: 'n'.repeat(500), value: 'v' }, samplePdf()]],
    ['a very long field value', () => [...shareFields({ description: 'd'.repeat(20_000) }), samplePdf()]],
    ['a field with no name', () => [...shareFields(), { name: '', value: 'nameless' }, samplePdf()]],
  ];
  for (const [label, parts] of malformed) {
    it(`answers 400 and keeps nothing for ${label}`, async () => {
      const before = await uploadState(app, member);
      const res = await postMultipart(member, '/api/resources', parts());
      assertRefused(res, 400, label);
      assert.equal(res.body.error.code, 'validation_failed', label);
      if (process.env.DEBUG_UPLOADS) console.log(label, JSON.stringify(res.body.error));
      assert.equal(({} as Record<string, unknown>).admin, undefined, 'no prototype was polluted');
      await assertNothingKept(app, member, before, label);
    });
  }

  it('answers 400 for a body that breaks off without its closing boundary, or has no boundary at all', async () => {
    const before = await uploadState(app, member);
    const { body, contentType } = multipart([...shareFields(), samplePdf()]);
    const cut = body.subarray(0, body.length - 60);
    const truncated = await member.agent.post('/api/resources').set('X-CSRF-Token', member.csrf).set('Content-Type', contentType).send(cut);
    assertRefused(truncated, 400, 'truncated body');
    const noBoundary = await member.agent.post('/api/resources').set('X-CSRF-Token', member.csrf).set('Content-Type', 'multipart/form-data').send(body);
    assertRefused(noBoundary, 400, 'no boundary');
    const garbage = await member.agent.post('/api/resources').set('X-CSRF-Token', member.csrf).set('Content-Type', contentType).send(Buffer.from('not multipart at all'));
    assertRefused(garbage, 400, 'garbage');
    await assertNothingKept(app, member, before, 'malformed bodies');
  });

  it('answers 415 for a body that is not multipart/form-data', async () => {
    const before = await uploadState(app, member);
    const json = await member.agent.post('/api/resources').set('X-CSRF-Token', member.csrf).send({ title: 'JSON share', type: 'link', visibility: 'community', url: 'https://www.ojp.gov/' });
    assertRefused(json, 415, 'json');
    const form = await member.agent.post('/api/resources').set('X-CSRF-Token', member.csrf).type('form').send('title=Form+share&type=link&visibility=community&url=https://www.ojp.gov/');
    assertRefused(form, 415, 'urlencoded');
    const raw = await member.agent.post('/api/resources').set('X-CSRF-Token', member.csrf).set('Content-Type', 'application/pdf').send(pdfWith('raw body'));
    assertRefused(raw, 415, 'raw pdf');
    const version = await member.agent.post('/api/resources/000000000000000000000000/versions').set('X-CSRF-Token', member.csrf).send({});
    assertRefused(version, 415, 'json version');
    await assertNothingKept(app, member, before, 'not multipart');
  });

  it('leaves no temp file, stored object or record when the client aborts mid-upload', async () => {
    const agent = app.agent();
    const cookie = sessionCookieOf(await signInAs(agent, 'member-a'));
    const csrf = (await agent.get('/api/me').expect(200)).body.csrfToken as string;
    const before = await uploadState(app, member);

    const { body, contentType } = multipart([...shareFields(), { name: 'file', value: Buffer.concat([pdfWith('aborted'), Buffer.alloc(2 * 1024 * 1024, 0x41)]), filename: 'aborted.pdf' }]);
    const url = new URL('/api/resources', app.baseUrl);
    const req = http.request(url, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf, 'content-type': contentType, 'content-length': String(body.length), origin: app.baseUrl } });
    req.on('error', () => undefined);
    req.on('response', (res) => res.resume());
    req.write(body.subarray(0, Math.floor(body.length / 2)));
    // Wait until the server has started writing the temp file, so the abort really lands mid-file.
    for (let i = 0; i < 100 && (await uploadState(app, member)).tempFiles.length === before.tempFiles.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok((await uploadState(app, member)).tempFiles.length > before.tempFiles.length, 'the upload reached the temp dir before the abort');
    req.destroy();

    await assertNothingKept(app, member, before, 'aborted upload');
    // The server is still healthy afterwards.
    await member.agent.get('/api/me/storage').expect(200);
  });
});
