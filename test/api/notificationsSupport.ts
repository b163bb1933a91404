import assert from 'node:assert/strict';
import type { MemberLookupItemDto } from '../../shared/dto/memberDirectory.js';
import type { NotificationDto, NotificationPage } from '../../shared/dto/notification.js';
import type { ThreadDto } from '../../shared/dto/discussion.js';
import type { DevPersonaId } from '../../server/auth/devIdp/personas.js';
import type { TestApp } from '../support/app.js';
import { signInAs } from '../support/saml.js';
import { connected, openSocket, sessionCookieOf, type TestSocket } from '../support/sockets.js';
import type { Persona } from './discussionsSupport.js';

/** The `@handle` of `target`, as mention autocomplete shows it to `viewer`. */
export async function handleOf(viewer: Persona, target: Persona, namePrefix: string): Promise<string> {
  const res = await viewer.agent.get('/api/members').query({ q: namePrefix, limit: 20 }).expect(200);
  const found = (res.body.items as MemberLookupItemDto[]).find((m) => m.id === target.id);
  assert.ok(found, `${target.name} is not found by "${namePrefix}"`);
  return found.handle;
}

export const watch = (p: Persona, threadId: string) => p.agent.put(`/api/threads/${threadId}/watch`).set('X-CSRF-Token', p.csrf);
export const unwatch = (p: Persona, threadId: string) => p.agent.delete(`/api/threads/${threadId}/watch`).set('X-CSRF-Token', p.csrf);

/** The thread as it appears in its category's list for `p`. */
export async function listed(p: Persona, categoryId: string, threadId: string): Promise<ThreadDto> {
  const res = await p.agent.get(`/api/categories/${categoryId}/threads`).query({ limit: 100 }).expect(200);
  const thread = (res.body.items as ThreadDto[]).find((t) => t.id === threadId);
  assert.ok(thread, `thread ${threadId} is not in the list`);
  return thread;
}

export async function notificationsOf(p: Persona, query: Record<string, string> = {}): Promise<NotificationPage> {
  return (await p.agent.get('/api/notifications').query({ limit: 100, ...query }).expect(200)).body as NotificationPage;
}

/** `p`'s notifications about one thread (tests assert only on threads they made). */
export async function notificationsAbout(p: Persona, threadId: string): Promise<NotificationDto[]> {
  return (await notificationsOf(p)).items.filter((n) => n.thread.id === threadId);
}

/** A signed-in persona with a connected socket on the same session, as one browser tab has. */
export async function personaWithSocket(app: TestApp, name: DevPersonaId): Promise<Persona & { socket: TestSocket }> {
  const agent = app.agent();
  const socket = openSocket(app.baseUrl, { cookie: sessionCookieOf(await signInAs(agent, name)) });
  await connected(socket);
  const me = await agent.get('/api/me').expect(200);
  return { name, agent, csrf: me.body.csrfToken, id: me.body.user.id, taskForceId: me.body.user.taskForce.id, socket };
}
