import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseContentDisposition } from 'content-disposition';
import { Types } from 'mongoose';
import { Resource } from '../../server/db/models/Resource.js';
import type { TestApp } from '../support/app.js';
import type { Persona } from '../api/discussionsSupport.js';
import { uniqueResourceTitle } from '../api/resourcesSupport.js';

/** One part of a hand-built multipart body: a text field, or a file when `filename` (or `filenameStar`) is given. */
export interface RawPart {
  name: string;
  value: Buffer | string;
  /** Written as `filename="..."` exactly as given, so names with quotes or escapes reach the parser untouched. */
  filename?: string;
  /** Written as RFC 5987 `filename*=UTF-8''...`, which busboy percent-decodes: how NUL, CR and LF reach a name. */
  filenameStar?: string;
  contentType?: string;
}

/**
 * A multipart/form-data body built byte by byte, because supertest's `.field`/`.attach` refuse or rewrite the
 * malformed names an attacker sends.
 */
export function multipart(parts: RawPart[]): { body: Buffer; contentType: string } {
  const boundary = `----tfc${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let disposition = `form-data; name="${part.name}"`;
    if (part.filename !== undefined) disposition += `; filename="${part.filename}"`;
    if (part.filenameStar !== undefined) disposition += `; filename*=UTF-8''${part.filenameStar}`;
    const isFile = part.filename !== undefined || part.filenameStar !== undefined;
    const headers = [`Content-Disposition: ${disposition}`, ...(isFile ? [`Content-Type: ${part.contentType ?? 'application/octet-stream'}`] : [])];
    chunks.push(Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1'), Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The text fields a valid share needs, as raw parts. */
export const shareFields = (extra: Record<string, string> = {}): RawPart[] =>
  Object.entries({ title: uniqueResourceTitle('Attack'), type: 'document', visibility: 'community', ...extra }).map(([name, value]) => ({ name, value }));

export function postMultipart(p: Persona, url: string, parts: RawPart[]) {
  const { body, contentType } = multipart(parts);
  return p.agent.post(url).set('X-CSRF-Token', p.csrf).set('Content-Type', contentType).send(body);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** What an upload could leave behind: bytes in storage or the temp dir, a record, a quota reservation. */
export interface UploadState {
  usedBytes: number;
  resources: number;
  storedObjects: string[];
  tempFiles: string[];
}

export const uploadDirOf = (app: TestApp): string => path.resolve(app.config.UPLOAD_DIR);

export async function uploadState(app: TestApp, p: Persona): Promise<UploadState> {
  const root = uploadDirOf(app);
  return {
    usedBytes: (await p.agent.get('/api/me/storage').expect(200)).body.usedBytes as number,
    resources: await Resource.countDocuments({ uploader: new Types.ObjectId(p.id) }),
    storedObjects: await filesUnder(path.join(root, 'objects')),
    tempFiles: await filesUnder(path.join(root, '.incoming')),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asserts a refused upload kept nothing. The temp file is removed when the response closes, a moment after the
 * client has it, so the temp dir is given a short while to empty.
 */
export async function assertNothingKept(app: TestApp, p: Persona, before: UploadState, label: string): Promise<void> {
  let now = await uploadState(app, p);
  for (let i = 0; i < 40 && now.tempFiles.length > before.tempFiles.length; i++) {
    await sleep(50);
    now = await uploadState(app, p);
  }
  assert.equal(now.usedBytes, before.usedBytes, `${label}: quota unchanged`);
  assert.equal(now.resources, before.resources, `${label}: no resource record`);
  assert.deepEqual(now.storedObjects, before.storedObjects, `${label}: nothing in storage`);
  assert.deepEqual(now.tempFiles, before.tempFiles, `${label}: no temp file left`);
}

/** A refusal in the error contract: the expected 4xx, a code, and never a 500. */
export function assertRefused(res: { status: number; body: { error?: { code?: string } } }, status: number, label: string): void {
  assert.equal(res.status, status, `${label}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  assert.equal(typeof res.body.error?.code, 'string', `${label}: error body`);
}

/** The filename a browser would save the download as, parsed strictly: a malformed header throws here. */
export function savedFileName(header: string | undefined): { type: string; filename: string } {
  assert.ok(header, 'a Content-Disposition header');
  assert.doesNotMatch(header, /[\r\n\0]/, 'no control characters in the header');
  const parsed = parseContentDisposition(header);
  const filename = parsed.parameters.filename ?? '';
  return { type: parsed.type, filename };
}
