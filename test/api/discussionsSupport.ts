import assert from 'node:assert/strict';
import type { DevPersonaId } from '../../server/auth/devIdp/personas.js';
import type { CategoryDto, PostDto, ThreadDetailResponse } from '../../shared/dto/discussion.js';
import { startTestApp } from '../support/app.js';
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

/**
 * What a discussions suite shares: the app, its signed-in personas and the categories by slug. `as` and `categories`
 * are the same objects for the whole suite and are filled in before(), so a suite may destructure them up front and
 * read them inside its tests and later hooks.
 */
export interface DiscussionApp<N extends DevPersonaId> {
  readonly app: TestApp;
  readonly as: Record<N, Persona>;
  readonly categories: Record<string, CategoryDto>;
}

/**
 * Registers the suite's before() (start the app, sign the personas in, list the categories as the moderator when the
 * moderator is one of them) and after() (close the app). Call it first in a describe, so its before() runs ahead of
 * the suite's own.
 */
export function useDiscussionApp<N extends DevPersonaId>(personas: readonly N[], env: Record<string, string> = {}): DiscussionApp<N> {
  const as = {} as Record<N, Persona>;
  const categories: Record<string, CategoryDto> = {};
  let app: TestApp | undefined;
  before(async () => {
    app = await startTestApp(env);
    Object.assign(as, await signInAll(app, personas));
    const moderator = (as as Partial<Record<DevPersonaId, Persona>>).moderator;
    if (moderator) Object.assign(categories, await categoriesBySlug(moderator));
  });
  after(() => app?.close());
  return {
    get app() {
      if (!app) throw new Error('the app starts in before(); read it inside a test or a later hook');
      return app;
    },
    as,
    categories,
  };
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
