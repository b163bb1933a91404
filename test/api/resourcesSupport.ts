import assert from 'node:assert/strict';
import type { ResourceDetailDto } from '../../shared/dto/resource.js';
import type { Persona } from './discussionsSupport.js';

export interface ResourceFields {
  title?: string;
  description?: string;
  tags?: string;
  type?: string;
  visibility?: string;
  url?: string;
}

let counter = 0;
export const uniqueResourceTitle = (label: string) => `${label} ${Date.now().toString(36)}-${++counter}`;

/** A multipart upload as a browser form sends it: text fields, then the file part. */
export function uploadAs(p: Persona, path: string, fields: ResourceFields, file?: { bytes: Buffer; name: string; contentType?: string }) {
  let req = p.agent.post(path).set('X-CSRF-Token', p.csrf);
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) req = req.field(name, value);
  if (file) req = req.attach('file', file.bytes, { filename: file.name, contentType: file.contentType ?? 'application/octet-stream' });
  return req;
}

export async function shareFile(p: Persona, file: { bytes: Buffer; name: string }, fields: ResourceFields = {}): Promise<ResourceDetailDto> {
  const res = await uploadAs(p, '/api/resources', { title: uniqueResourceTitle('Resource'), type: 'document', visibility: 'community', ...fields }, file);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.resource as ResourceDetailDto;
}

/** Downloads as bytes whatever the type, so binary bodies compare exactly. */
export const download = (p: Persona, path: string) =>
  p.agent.get(path).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
