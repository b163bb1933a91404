import { z } from 'zod';
import { attachmentIdParams, uploadAttachmentFields } from '../../../shared/schemas/attachments.js';
import type { RouteSpec } from './types.js';

const byId = { params: attachmentIdParams };
const hidden = "not_found (also when the post's thread is not readable, or the upload is someone else's unclaimed file)";

/** Files on discussion posts (issue: attachments inherit the post's visibility). */
export const attachmentRouteSpecs: RouteSpec[] = [
  { method: 'post', path: '/api/attachments', tag: 'discussions', access: 'member', summary: 'Uploads a file for a post being written (same checks as resources); name it in attachmentIds', body: uploadAttachmentFields.extend({ file: z.file() }), bodyType: 'multipart/form-data', responses: { 201: '{attachment}', 400: 'validation_failed', 413: 'payload_too_large', 415: 'unsupported_media_type', 422: 'malware_detected', 503: 'unavailable' } },
  { method: 'get', path: '/api/attachments/:id/download', tag: 'discussions', access: 'member', summary: 'Downloads an attachment (attachment; nosniff; CSP sandbox; no-store; Range); audited', ...byId, responses: { 200: 'the file', 206: 'a byte range', 404: hidden, 416: 'range_not_satisfiable' } },
  { method: 'get', path: '/api/attachments/:id/preview', tag: 'discussions', access: 'member', summary: 'Shows an attached image inline (sandboxed); audited', ...byId, responses: { 200: 'the image', 404: `${hidden}; or not an image` } },
];
