import { z } from 'zod';
import { addVersionFields, createResourceFields, downloadQuery, listResourcesQuery, resourceIdParams } from '../../../shared/schemas/resources.js';
import type { RouteSpec } from './types.js';

const byId = { params: resourceIdParams };
const multipart = 'multipart/form-data' as const;
const hidden = 'not_found (also for what the member may not read)';
const uploadRefusals = {
  400: 'validation_failed (fields, too many parts, nested names, incomplete body)',
  413: 'payload_too_large (file over MAX_UPLOAD_MB, or the storage quota)',
  415: 'unsupported_media_type (type not allowed, or bytes that do not match the extension)',
  422: 'malware_detected',
  503: 'unavailable (the malware scanner cannot answer: nothing is stored)',
};
const fileHeaders = 'attachment; nosniff; CSP sandbox; private, no-store; Range supported';

/** The resource library (../shared/API.md, "resources"). */
export const resourceRouteSpecs: RouteSpec[] = [
  { method: 'get', path: '/api/resources', tag: 'resources', access: 'member', summary: 'The library: filters, sorts and text search over what the member may read', query: listResourcesQuery, responses: { 200: '{items, nextCursor}', 400: 'validation_failed' } },
  { method: 'post', path: '/api/resources', tag: 'resources', access: 'member', summary: 'Shares a file (checked, scanned, stored) or an https link (audited)', body: createResourceFields.extend({ file: z.file().optional() }), bodyType: multipart, responses: { 201: '{resource}', ...uploadRefusals } },
  { method: 'get', path: '/api/resources/:id', tag: 'resources', access: 'member', summary: 'A resource with its versions, newest first', ...byId, responses: { 200: '{resource}', 404: hidden } },
  { method: 'post', path: '/api/resources/:id/versions', tag: 'resources', access: 'member', summary: 'Uploads a new version (uploader, their coordinator, moderators; audited)', ...byId, body: addVersionFields.extend({ file: z.file() }), bodyType: multipart, responses: { 201: '{resource}', ...uploadRefusals, 403: 'forbidden', 404: hidden, 409: 'a link, or a concurrent version' } },
  { method: 'get', path: '/api/resources/:id/download', tag: 'resources', access: 'member', summary: `Downloads the latest or the named version (${fileHeaders}); audited`, ...byId, query: downloadQuery, responses: { 200: 'the file', 206: 'a byte range', 404: hidden, 416: 'range_not_satisfiable' } },
  { method: 'get', path: '/api/resources/:id/preview', tag: 'resources', access: 'member', summary: 'Shows a re-encoded image inline (sandboxed, nosniff); audited', ...byId, query: downloadQuery, responses: { 200: 'the image', 404: `${hidden}; or not an image` } },
  { method: 'delete', path: '/api/resources/:id', tag: 'resources', access: 'member', summary: 'Removes a resource and its stored files (uploader, their coordinator, moderators; audited)', ...byId, responses: { 200: '{resource}', 403: 'forbidden', 404: hidden } },
  { method: 'get', path: '/api/me/storage', tag: 'resources', access: 'member', summary: "The member's stored bytes, quota and the largest file accepted", responses: { 200: '{usedBytes, quotaBytes, maxUploadBytes}' } },
];
