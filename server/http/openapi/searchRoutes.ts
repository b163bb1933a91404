import { discussionIdParams, previewBody, updateCategoryBody } from '../../../shared/schemas/discussions.js';
import { createFlagBody, listFlagsQuery } from '../../../shared/schemas/flags.js';
import { searchQuery } from '../../../shared/schemas/search.js';
import type { RouteSpec } from './types.js';

const byId = { params: discussionIdParams };
const hidden = 'not_found (also for what the member may not read)';

/** Search, flags and the flag queue, category editing and the composer's preview. */
export const searchRouteSpecs: RouteSpec[] = [
  { method: 'get', path: '/api/search', tag: 'search', access: 'member', summary: 'Threads (by title), posts (by body) and library resources (title, tags, description, file text) the member may read, best match first; kind = thread, post, resource, or discussion (threads and posts); offset cursor, bounded', query: searchQuery, responses: { 200: '{items, nextCursor}', 400: 'validation_failed (q trimmed must be 2..200 characters)' } },
  { method: 'post', path: '/api/posts/:id/flags', tag: 'moderation', access: 'member', summary: 'Flags a post for moderators (audited, without the note)', ...byId, body: createFlagBody, responses: { 201: '{flag}', 400: 'validation_failed', 403: 'own post', 404: hidden, 409: 'removed, or already flagged by this member' } },
  { method: 'get', path: '/api/moderation/flags', tag: 'moderation', access: 'coordinator or admin', summary: 'Flag queue, oldest first: moderators and admins everywhere, coordinators in their private space', query: listFlagsQuery, responses: { 200: '{items, nextCursor}', 400: 'validation_failed', 403: 'forbidden' } },
  { method: 'patch', path: '/api/categories/:id', tag: 'discussions', access: 'admin', summary: 'Edits a category; its visibility only while it has no threads (audited)', ...byId, body: updateCategoryBody, responses: { 200: '{category}', 400: 'validation_failed', 403: 'forbidden', 404: 'not_found', 409: 'slug taken, or visibility change with threads' } },
  { method: 'post', path: '/api/preview', tag: 'discussions', access: 'member', summary: 'Renders a post body as it would be stored and lists PII spans; stores nothing', body: previewBody, responses: { 200: '{bodyHtml, pii}', 400: 'validation_failed', 429: 'rate_limited' } },
];
