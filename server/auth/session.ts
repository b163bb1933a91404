import { randomBytes } from 'node:crypto';
import session, { MemoryStore, type Store } from 'express-session';
import { RedisStore } from 'connect-redis';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import type { Clock } from '../clock.js';
import type { MemberDoc } from '../db/models/Member.js';
import type { RedisClient } from '../redis/client.js';
import type { KeyValueStore } from '../redis/kv.js';
import { memberSessionsKey, sessionKeyPrefix } from '../redis/keys.js';
import './types.js';

/** Sessions behave as a law-enforcement system's should: short idle timeout, hard absolute limit, one place to end them all. */
export interface Sessions {
  middleware: RequestHandler;
  /** Drops a session that outlived the idle or absolute limit; keeps lastSeenAt fresh. */
  enforceTimeouts: RequestHandler;
  establish(req: Request, member: MemberDoc): Promise<void>;
  destroy(req: Request): Promise<void>;
  destroyAllOf(memberId: string): Promise<number>;
  cookieName: string;
  idleMs: number;
  absoluteMs: number;
}

// lastSeenAt is rewritten at most this often, so that every request is not a store write.
const TOUCH_INTERVAL_MS = 30_000;

export function createSessions(opts: { config: Config; secret: string; kv: KeyValueStore; redis?: RedisClient; clock: Clock; logger: Logger }): Sessions {
  const { config, kv, clock } = opts;
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;
  const absoluteMs = config.SESSION_ABSOLUTE_HOURS * 3_600_000;
  const store: Store = opts.redis
    ? new RedisStore({ client: opts.redis, prefix: sessionKeyPrefix(), ttl: Math.ceil(idleMs / 1000) })
    : new MemoryStore();
  const cookieName = config.isProduction ? '__Host-tfc.sid' : 'tfc.sid';

  const middleware = session({
    name: cookieName,
    secret: opts.secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.TRUST_PROXY !== undefined,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.isProduction, path: '/', maxAge: idleMs },
  });

  const destroySession = (req: Request) =>
    new Promise<void>((resolve, reject) => (req.session ? req.session.destroy((err) => (err ? reject(err) : resolve())) : resolve()));

  const destroyById = (sid: string) => new Promise<void>((resolve) => store.destroy(sid, () => resolve()));

  const enforceTimeouts: RequestHandler = (req, _res, next) => {
    const s = req.session;
    if (!s?.memberId) return next();
    const now = clock.now();
    const createdAt = s.createdAt ?? 0;
    const lastSeenAt = s.lastSeenAt ?? 0;
    if (now - createdAt > absoluteMs || now - lastSeenAt > idleMs) {
      destroySession(req).then(() => next(), next);
      return;
    }
    if (now - lastSeenAt > TOUCH_INTERVAL_MS) s.lastSeenAt = now;
    next();
  };

  return {
    middleware,
    enforceTimeouts,
    cookieName,
    idleMs,
    absoluteMs,
    async establish(req, member) {
      // A new id at sign-in defeats session fixation.
      await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
      const now = clock.now();
      Object.assign(req.session, { memberId: member.id as string, createdAt: now, lastSeenAt: now, csrfToken: randomBytes(32).toString('base64url') });
      await new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
      await kv.addToSet(memberSessionsKey(member.id as string), req.sessionID, absoluteMs);
    },
    async destroy(req) {
      const memberId = req.session?.memberId;
      const sid = req.sessionID;
      await destroySession(req);
      if (memberId) await kv.removeFromSet(memberSessionsKey(memberId), sid);
    },
    async destroyAllOf(memberId) {
      const key = memberSessionsKey(memberId);
      const sids = await kv.setMembers(key);
      await Promise.all(sids.map(destroyById));
      await kv.delete(key);
      return sids.length;
    },
  };
}

/** Reads or creates the signing secret: SESSION_SECRET in production, a random one outside it. */
export function sessionSecret(config: Config, logger: Logger): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  logger.warn('SESSION_SECRET is not set: using a random secret, so sessions end when the process restarts');
  return randomBytes(48).toString('base64url');
}
