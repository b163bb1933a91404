import assert from 'node:assert/strict';
import { docxWith, eicar, gifJsPolyglot, jpegWithGps, pdfHtmlPolyglot, pdfWith, plainZip, pngImage } from '../fixtures/uploadFiles.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { personaOf, type Persona } from '../api/discussionsSupport.js';
import { download } from '../api/resourcesSupport.js';
import { assertNothingKept, assertRefused, postMultipart, savedFileName, shareFields, uploadState } from './uploadAttacksSupport.js';

/** A Windows executable's first bytes: the MZ header and DOS stub text file-type recognises. */
const exe = (): Buffer => {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
};
const html = () => Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
const svg = () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>');
const xml = () => Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>');

describe('upload attacks: what the file is and what it is called', function () {
  this.timeout(60_000);
  let app: TestApp;
  let member: Persona;
  let reader: Persona;

  before(async () => {
    app = await startTestApp();
    member = await personaOf(app, 'member-a');
    reader = await personaOf(app, 'member-b');
  });
  after(() => app.close());

  async function share(value: Buffer, filename: string, contentType = 'application/octet-stream') {
    return postMultipart(member, '/api/resources', [...shareFields(), { name: 'file', value, filename, contentType }]);
  }

  const refused: [string, () => Buffer | Promise<Buffer>, string, string?][] = [
    ['an exe sent as image/png', exe, 'setup.exe', 'image/png'],
    ['an exe renamed .png and sent as image/png', exe, 'holiday.png', 'image/png'],
    ['HTML named .pdf and sent as application/pdf', html, 'report.pdf', 'application/pdf'],
    ['HTML named .html and sent as application/pdf', html, 'report.html', 'application/pdf'],
    ['a PNG named .pdf', pngImage, 'scan.pdf', 'application/pdf'],
    ['a plain zip named .docx', plainZip, 'memo.docx'],
    ['a Word document named .xlsx', () => docxWith('not a spreadsheet'), 'budget.xlsx'],
    ['a PDF named .txt', () => pdfWith('hidden'), 'notes.txt', 'text/plain'],
    ['a double extension report.pdf.exe', () => pdfWith('double'), 'report.pdf.exe', 'application/pdf'],
    ['an SVG', svg, 'logo.svg', 'image/svg+xml'],
    ['an SVG named .png', svg, 'logo.png', 'image/png'],
    ['an HTML page', html, 'index.html', 'text/html'],
    ['an .htm page', html, 'index.htm', 'text/html'],
    ['an XML file', xml, 'data.xml', 'application/xml'],
    ['a .txt holding HTML', html, 'readme.txt', 'text/plain'],
    ['a .txt holding SVG', svg, 'readme.txt', 'text/plain'],
    ['a .csv holding an XML entity attack', xml, 'rows.csv', 'text/csv'],
    ['a .txt that is not UTF-8', () => Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x80, 0x0a]), 'latin.txt', 'text/plain'],
    ['an executable', exe, 'tool.exe', 'application/x-msdownload'],
    ['an executable named .txt', exe, 'tool.txt', 'text/plain'],
    ['a zip archive', plainZip, 'bundle.zip', 'application/zip'],
    ['a JavaScript file', () => Buffer.from('alert(1)'), 'app.js', 'text/javascript'],
    ['a file without an extension', () => pdfWith('no extension'), 'README', 'application/pdf'],
    ['a JPEG cut off halfway', async () => { const jpeg = await jpegWithGps(); return jpeg.subarray(0, Math.floor(jpeg.length * 0.6)); }, 'cut.jpg', 'image/jpeg'],
    ['a PNG cut off halfway', async () => { const png = await pngImage(); return png.subarray(0, Math.floor(png.length * 0.6)); }, 'cut.png', 'image/png'],
    ['an image that is only a header', () => Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'), 'broken.png', 'image/png'],
  ];
  for (const [label, bytes, filename, contentType] of refused) {
    it(`refuses ${label} with 415 and keeps nothing`, async () => {
      const before = await uploadState(app, member);
      const res = await share(await bytes(), filename, contentType);
      assertRefused(res, 415, label);
      assert.equal(res.body.error.code, 'unsupported_media_type');
      await assertNothingKept(app, member, before, label);
    });
  }

  it('refuses a new version whose bytes disagree with its extension, and keeps the old version', async () => {
    const created = await share(pdfWith('first version'), 'policy.pdf');
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.resource.id as string;
    const before = await uploadState(app, member);
    const res = await postMultipart(member, `/api/resources/${id}/versions`, [{ name: 'file', value: html(), filename: 'policy.pdf', contentType: 'application/pdf' }]);
    assertRefused(res, 415, 'html version');
    await assertNothingKept(app, member, before, 'html version');
    const detail = await member.agent.get(`/api/resources/${id}`).expect(200);
    assert.equal(detail.body.resource.versions.length, 1);
  });

  it('accepts evil.html.pdf holding a real PDF, but only ever as a PDF attachment', async () => {
    const bytes = pdfWith('double extension that is really a PDF');
    const res = await share(bytes, 'evil.html.pdf', 'text/html');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const version = res.body.resource.latestVersion;
    assert.equal(version.contentType, 'application/pdf', 'the verified type, not the one the client sent');
    assert.match(version.fileName, /\.pdf$/);
    const got = await download(reader, `/api/resources/${res.body.resource.id}/download`).expect(200);
    assert.equal(got.headers['content-type'], 'application/pdf');
    const saved = savedFileName(got.headers['content-disposition']);
    assert.equal(saved.type, 'attachment');
    assert.match(saved.filename, /\.pdf$/);
    assert.equal(got.headers['x-content-type-options'], 'nosniff');
    assert.ok(Buffer.compare(got.body as Buffer, bytes) === 0);
  });

  it('neutralises a GIF+JS polyglot: the stored image no longer carries the script', async () => {
    const polyglot = await gifJsPolyglot();
    assert.ok(polyglot.includes(Buffer.from('alert(1)')), 'the fixture carries the script');
    const res = await share(polyglot, 'funny.gif', 'image/gif');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    for (const route of ['download', 'preview']) {
      const got = await download(reader, `/api/resources/${res.body.resource.id}/${route}`).expect(200);
      assert.equal(got.headers['content-type'], 'image/gif');
      assert.ok(!(got.body as Buffer).includes(Buffer.from('alert')), `${route}: the script is gone`);
      assert.ok(!(got.body as Buffer).includes(Buffer.from('<script')), `${route}: no script tag`);
      assert.equal((got.body as Buffer).subarray(0, 4).toString('latin1'), 'GIF8', `${route}: still a GIF`);
      assert.equal(got.headers['x-content-type-options'], 'nosniff');
    }
  });

  it('serves a PDF+HTML polyglot only as a sandboxed PDF attachment, never as a preview', async () => {
    const res = await share(pdfHtmlPolyglot(), 'quarterly.pdf', 'text/html');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const id = res.body.resource.id as string;
    const got = await download(reader, `/api/resources/${id}/download`).expect(200);
    assert.equal(got.headers['content-type'], 'application/pdf');
    assert.equal(savedFileName(got.headers['content-disposition']).type, 'attachment');
    assert.equal(got.headers['x-content-type-options'], 'nosniff');
    assert.match(got.headers['content-security-policy'], /(^|;)\s*sandbox(;|$)/);
    assert.match(got.headers['content-security-policy'], /default-src 'none'/);
    assert.equal(got.headers['cache-control'], 'private, no-store');
    await reader.agent.get(`/api/resources/${id}/preview`).expect(404);
  });

  // [what the client sends, what it sends it as]
  const hostileNames: [string, { filename?: string; filenameStar?: string }][] = [
    ['a Unix traversal', { filename: '../../etc/passwd.pdf' }],
    ['a Windows traversal', { filename: '..\\\\..\\\\win.ini.txt' }],
    ['an absolute path', { filename: '/var/www/html/shell.pdf' }],
    ['an encoded traversal', { filenameStar: '..%2F..%2Fetc%2Fcron.d%2Fjob.pdf' }],
    ['a NUL byte', { filenameStar: 'innocent.txt%00.pdf' }],
    ['CR and LF', { filenameStar: 'a%0D%0AContent-Type%3A%20text%2Fhtml%0D%0A%0D%0Ab.pdf' }],
    ['form-data escaped CR and LF', { filename: 'head%0D%0ASet-Cookie: x=1.pdf' }],
    ['a double quote', { filename: 'quote\\".pdf' }],
    ['an escaped double quote', { filename: 'quote%22; filename=evil.html.pdf' }],
    ['a hidden name', { filename: '.htaccess.pdf' }],
    ['right-to-left override', { filenameStar: 'invoice%E2%80%AEfdp.exe.pdf' }],
    ['a very long name', { filename: `${'a'.repeat(600)}.pdf` }],
  ];
  for (const [label, name] of hostileNames) {
    it(`stores a file sent with ${label} in its name under a harmless name`, async () => {
      const bytes = (name.filename ?? name.filenameStar ?? '').endsWith('.txt') ? Buffer.from('plain notes\n') : pdfWith(`named ${label}`);
      const res = await postMultipart(member, '/api/resources', [...shareFields(), { name: 'file', value: bytes, contentType: 'application/pdf', ...name }]);
      assert.equal(res.status, 201, `${label}: ${JSON.stringify(res.body)}`);
      const stored = res.body.resource.latestVersion.fileName as string;
      assert.doesNotMatch(stored, /[\\/]/, `${label}: no directory separator in ${stored}`);
      assert.doesNotMatch(stored, /^\.|\.\./, `${label}: no leading dot or dot-dot in ${stored}`);
      assert.doesNotMatch(stored, /[\p{Cc}\p{Cf}"]/u, `${label}: no control, format or quote characters in ${JSON.stringify(stored)}`);
      assert.ok(stored.length <= 180, `${label}: at most 180 characters`);
      const got = await download(reader, `/api/resources/${res.body.resource.id}/download`).expect(200);
      const saved = savedFileName(got.headers['content-disposition']);
      assert.equal(saved.type, 'attachment');
      assert.equal(saved.filename, stored, `${label}: the download is saved under the stored name`);
      assert.ok(!([] as string[]).concat(got.headers['set-cookie'] ?? []).some((c) => c.startsWith('x=')), `${label}: no header was injected`);
      assert.equal(got.headers['content-type'].split(';')[0], res.body.resource.latestVersion.contentType, `${label}: the verified type`);
      assert.ok(Buffer.compare(got.body as Buffer, bytes) === 0);
    });
  }

  it('refuses a name that is only dots before the extension: once cleaned it has no extension left', async () => {
    const before = await uploadState(app, member);
    const res = await share(pdfWith('dots'), '....pdf', 'application/pdf');
    assertRefused(res, 415, 'only dots');
    await assertNothingKept(app, member, before, 'only dots');
  });

  it('refuses the EICAR test file by type when it is not sent as text, and never answers 500', async () => {
    const before = await uploadState(app, member);
    const res = await share(eicar(), 'eicar.com', 'application/octet-stream');
    assertRefused(res, 415, 'eicar.com');
    await assertNothingKept(app, member, before, 'eicar.com');
  });
});
