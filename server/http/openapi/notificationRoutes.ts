import { discussionIdParams } from '../../../shared/schemas/discussions.js';
import { memberLookupQuery } from '../../../shared/schemas/members.js';
import { listNotificationsQuery, markNotificationsReadBody } from '../../../shared/schemas/notifications.js';
import { markThreadReadBody } from '../../../shared/schemas/threadMembership.js';
import type { RouteSpec } from './types.js';

const byId = { params: discussionIdParams };
const hidden = 'not_found (also for what the member may not read)';

/** Notifications, watching and read marks, and member lookup for mentions. */
export const notificationRouteSpecs: RouteSpec[] = [
  { method: 'get', path: '/api/notifications', tag: 'notifications', access: 'member', summary: 'The member’s notifications, newest first, about threads they can still read', query: listNotificationsQuery, responses: { 200: '{items, nextCursor, unreadCount}', 400: 'validation_failed' } },
  { method: 'post', path: '/api/notifications/read', tag: 'notifications', access: 'member', summary: 'Marks some ({ids}) or all ({all:true}) of the member’s own notifications read', body: markNotificationsReadBody, responses: { 200: '{unreadCount}', 400: 'validation_failed' } },
  { method: 'put', path: '/api/threads/:id/watch', tag: 'discussions', access: 'member', summary: 'Watches a thread: its new posts notify the member', ...byId, responses: { 200: '{watching: true}', 404: hidden } },
  { method: 'delete', path: '/api/threads/:id/watch', tag: 'discussions', access: 'member', summary: 'Stops watching a thread (replying later does not re-subscribe)', ...byId, responses: { 200: '{watching: false}', 404: hidden } },
  { method: 'post', path: '/api/threads/:id/read', tag: 'discussions', access: 'member', summary: 'Marks a thread read up to post number seq, or to its latest post', ...byId, body: markThreadReadBody, responses: { 200: '{unreadCount, watching}', 400: 'validation_failed', 404: hidden } },
  { method: 'get', path: '/api/members', tag: 'members', access: 'member', summary: 'Mention autocomplete: active members by handle or name prefix (no email)', query: memberLookupQuery, responses: { 200: '{items, nextCursor: null}', 400: 'validation_failed' } },
];
