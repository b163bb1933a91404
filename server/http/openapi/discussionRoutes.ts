import {
  createCategoryBody,
  createPostBody,
  createThreadBody,
  discussionIdParams,
  listThreadsQuery,
  reactionBody,
  updatePostBody,
  updateThreadBody,
} from '../../../shared/schemas/discussions.js';
import type { RouteSpec } from './types.js';

const byId = { params: discussionIdParams };
const hidden = 'not_found (also for what the member may not read)';

/** Categories, threads and posts (../shared/API.md, "discussions"). */
export const discussionRouteSpecs: RouteSpec[] = [
  { method: 'get', path: '/api/categories', tag: 'discussions', access: 'member', summary: 'Categories the member may read, in order, with abilities', responses: { 200: '{items}' } },
  { method: 'post', path: '/api/categories', tag: 'discussions', access: 'admin', summary: 'Creates an open or task-force-private category (audited)', body: createCategoryBody, responses: { 201: '{category}', 400: 'validation_failed', 403: 'forbidden', 409: 'slug taken' } },
  { method: 'get', path: '/api/categories/:id/threads', tag: 'discussions', access: 'member', summary: 'Threads of a category: pinned first, then by last activity', ...byId, query: listThreadsQuery, responses: { 200: '{items, nextCursor}', 400: 'validation_failed', 404: hidden } },
  { method: 'post', path: '/api/threads', tag: 'discussions', access: 'member', summary: 'Starts a thread with its opening post', body: createThreadBody, responses: { 201: '{thread, posts}', 400: 'validation_failed', 404: hidden } },
  { method: 'get', path: '/api/threads/:id', tag: 'discussions', access: 'member', summary: 'A thread and its posts in tree order', ...byId, responses: { 200: '{thread, posts}', 404: hidden } },
  { method: 'patch', path: '/api/threads/:id', tag: 'discussions', access: 'member', summary: 'Retitle (author), pin, lock or move (moderators; coordinators in their private space); audited', ...byId, body: updateThreadBody, responses: { 200: '{thread}', 400: 'validation_failed', 403: 'forbidden', 404: hidden, 409: 'locked' } },
  { method: 'post', path: '/api/threads/:id/posts', tag: 'discussions', access: 'member', summary: 'Replies to the thread or to one of its posts', ...byId, body: createPostBody, responses: { 201: '{post}', 400: 'validation_failed', 404: hidden, 409: 'locked, or the parent was removed' } },
  { method: 'patch', path: '/api/posts/:id', tag: 'discussions', access: 'member', summary: 'Edits a post, keeping its revision history (author or moderator)', ...byId, body: updatePostBody, responses: { 200: '{post}', 400: 'validation_failed', 403: 'forbidden', 404: hidden, 409: 'locked or removed' } },
  { method: 'delete', path: '/api/posts/:id', tag: 'discussions', access: 'member', summary: 'Removes a post softly, keeping its place in the tree (author or moderator)', ...byId, responses: { 200: '{post}', 403: 'forbidden', 404: hidden, 409: 'locked or removed' } },
  { method: 'post', path: '/api/posts/:id/reactions', tag: 'discussions', access: 'member', summary: 'Toggles one reaction of the fixed set', ...byId, body: reactionBody, responses: { 200: '{post}', 400: 'validation_failed', 404: hidden, 409: 'locked or removed' } },
];
