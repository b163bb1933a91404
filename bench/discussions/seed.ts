// What the benchmarks read and listen to: signed-in personas (through the dev IdP, as a browser signs in),
// a thread of 50 replies, and many distinct members with live sessions.
import { createHmac, randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import supertest from 'supertest';
import type { DevPersonaId } from '../../server/auth/devIdp/personas.js';
import type { CategoryDto, ThreadDetailResponse } from '../../shared/dto/discussion.js';
import { signInAs } from '../../test/support/saml.js';
import { sessionCookieOf } from '../../test/support/sockets.js';
import { SESSION_IDLE_MS, type BenchRedis } from './stack.js';

export interface SignedIn {
  agent: ReturnType<typeof supertest.agent>;
  /** `tfc.sid=…`, for autocannon and sockets. */
  cookie: string;
  csrf: string;
  memberId: string;
  taskForceId: string;
}

export async function signIn(url: string, persona: DevPersonaId): Promise<SignedIn> {
  const agent = supertest.agent(url);
  const acs = await signInAs(agent, persona);
  if (acs.status !== 302) throw new Error(`sign-in as ${persona} answered ${acs.status}: ${acs.text.slice(0, 300)}`);
  const me = await agent.get('/api/me').expect(200);
  return { agent, cookie: sessionCookieOf(acs), csrf: me.body.csrfToken, memberId: me.body.user.id, taskForceId: me.body.user.taskForce.id };
}

const send = async (who: SignedIn, path: string, body: object) => {
  const res = await who.agent.post(path).set('X-CSRF-Token', who.csrf).send(body);
  if (res.status !== 201) throw new Error(`POST ${path} answered ${res.status}: ${res.text.slice(0, 300)}`);
  return res.body as ThreadDetailResponse & { post: { id: string } };
};

const paragraph = (n: number) =>
  `Reply ${n}: our outreach team compared notes with the county partners on referral protocols, shelter ` +
  `capacity and the **training** schedule for the spring. See the [protocol](https://example.org/protocol) and ` +
  `the notes from the last coordination meeting; the interview guidance still applies.`;

export async function openCategoryId(who: SignedIn, slug = 'labor-trafficking'): Promise<string> {
  const res = await who.agent.get('/api/categories').expect(200);
  const category = (res.body.items as CategoryDto[]).find((c) => c.slug === slug);
  if (!category) throw new Error(`no category ${slug}`);
  return category.id;
}

/** A thread with `replies` replies by two authors, a third of them nested under the reply before. */
export async function threadWithReplies(authors: SignedIn[], categoryId: string, title: string, replies: number): Promise<string> {
  const { thread } = await send(authors[0], '/api/threads', { categoryId, title, body: paragraph(0) });
  let previous: string | undefined;
  for (let n = 1; n <= replies; n++) {
    const parentId = n % 3 === 0 ? previous : undefined;
    const created = await send(authors[n % authors.length], `/api/threads/${thread.id}/posts`, { body: paragraph(n), ...(parentId ? { parentId } : {}) });
    previous = created.post.id;
  }
  return thread.id;
}

/** The cookie express-session expects: `s:` + id + `.` + its HMAC-SHA256 (the cookie-signature format). */
const signedCookie = (sid: string, secret: string) =>
  `tfc.sid=${encodeURIComponent(`s:${sid}.${createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '')}`)}`;

/**
 * Creates `count` active members of a task force, and for each a session exactly as server/auth/session.ts
 * `establish` leaves it (the connect-redis record and the member's session set). The dev IdP only knows its
 * personas, so this is how a thousand distinct members get signed in. Returns their cookies.
 */
export async function mintMembers(opts: { db: Connection; redis: BenchRedis; redisPrefix: string; secret: string; taskForceId: string; count: number; label: string }): Promise<string[]> {
  const { db, redis, redisPrefix, secret, count, label } = opts;
  const now = new Date();
  const { ObjectId } = db.base.mongo;
  const taskForce = new ObjectId(opts.taskForceId);
  const members = Array.from({ length: count }, (_, i) => ({
    _id: new ObjectId(),
    nameId: `bench:${label}:${i}`,
    email: `bench.${label}.${i}@bench.taskforce.test`,
    handle: `bench.${label}.${i}`,
    givenName: 'Bench',
    surname: `Member ${label} ${i}`,
    role: 'member',
    status: 'active',
    taskForce,
    discipline: 'other',
    agency: 'Bench Agency',
    lastSignInAt: now,
    approvedBy: null,
    approvedAt: now,
    createdAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < members.length; i += 500) await db.collection('members').insertMany(members.slice(i, i + 500));

  const cookies: string[] = [];
  const batch: Promise<unknown>[] = [];
  for (const member of members) {
    const sid = randomBytes(24).toString('base64url');
    const memberId = member._id.toHexString();
    const record = {
      cookie: { originalMaxAge: SESSION_IDLE_MS, expires: new Date(Date.now() + SESSION_IDLE_MS).toISOString(), secure: false, httpOnly: true, path: '/', sameSite: 'lax' },
      memberId,
      createdAt: Date.now(),
      lastSeenAt: Date.now(),
      csrfToken: randomBytes(32).toString('base64url'),
    };
    batch.push(redis.set(`${redisPrefix}sess:${sid}`, JSON.stringify(record), { expiration: { type: 'EX', value: SESSION_IDLE_MS / 1000 } }));
    batch.push(redis.multi().sAdd(`${redisPrefix}member-sessions:${memberId}`, sid).pExpire(`${redisPrefix}member-sessions:${memberId}`, 12 * 3_600_000).exec());
    cookies.push(signedCookie(sid, secret));
    if (batch.length >= 1000) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  return cookies;
}
