import assert from 'node:assert/strict';
import type { DevPersonaId } from '../../server/auth/devIdp/personas.js';
import type { CategoryDto, PostDto, ThreadDetailResponse } from '../../shared/dto/discussion.js';
import type { TestApp } from '../support/app.js';
import { signInAs } from '../support/saml.js';

type Agent = ReturnType<TestApp['agent']>;

/** A signed-in persona: its cookie-keeping agent, CSRF token and ids. */
export interface Persona {
  name: DevPersonaId;
  agent: Agent;
  csrf: string;
  id: string;
  taskForceId: string;
}

export async function personaOf(app: TestApp, name: DevPersonaId): Promise<Persona> {
  const agent = app.agent();
  await signInAs(agent, name);
  const me = await agent.get('/api/me').expect(200);
  return { name, agent, csrf: me.body.csrfToken, id: me.body.user.id, taskForceId: me.body.user.taskForce.id };
}

export async function signInAll<N extends DevPersonaId>(app: TestApp, names: readonly N[]): Promise<Record<N, Persona>> {
  const entries = [];
  for (const name of names) entries.push([name, await personaOf(app, name)] as const);
  return Object.fromEntries(entries) as Record<N, Persona>;
}

export const write = (p: Persona, method: 'post' | 'patch' | 'delete', path: string, body?: unknown) =>
  p.agent[method](path).set('X-CSRF-Token', p.csrf).send(body as object);

/** The seeded categories by slug, as a moderator (who sees them all) lists them. */
export async function categoriesBySlug(moderator: Persona): Promise<Record<string, CategoryDto>> {
  const res = await moderator.agent.get('/api/categories').expect(200);
  return Object.fromEntries((res.body.items as CategoryDto[]).map((c) => [c.slug, c]));
}

let counter = 0;
/** A unique title, so a test finds its own threads among everyone else's. */
export const uniqueTitle = (label: string) => `${label} ${Date.now().toString(36)}-${++counter}`;

export async function startThread(author: Persona, categoryId: string, title = uniqueTitle('Thread'), body = 'Opening post', attachmentIds?: string[]): Promise<ThreadDetailResponse> {
  const res = await write(author, 'post', '/api/threads', { categoryId, title, body, ...(attachmentIds ? { attachmentIds } : {}) });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as ThreadDetailResponse;
}

export async function reply(author: Persona, threadId: string, body = 'A reply', parentId?: string): Promise<PostDto> {
  const res = await write(author, 'post', `/api/threads/${threadId}/posts`, parentId ? { body, parentId } : { body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.post as PostDto;
}
