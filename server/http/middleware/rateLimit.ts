import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import type { RequestHandler } from 'express';
import type { RedisClient } from '../../redis/client.js';
import { rateLimitPrefix } from '../../redis/keys.js';
import { rateLimited } from '../../errors.js';

/**
 * A fixed-window limit keyed by client address (or by member when signed in), shared across
 * instances through Redis when there is one.
 */
export function limitRequests(opts: { name: string; windowMs: number; limit: number; redis?: RedisClient; byMember?: boolean; /** Count only requests that succeeded (a refused post should not cost the retry). */ onlySuccesses?: boolean }): RequestHandler {
  const store: Store | undefined = opts.redis
    ? new RedisStore({ prefix: rateLimitPrefix(opts.name), sendCommand: (...args: string[]) => opts.redis!.sendCommand(args) })
    : undefined;
  return rateLimit({
    windowMs: opts.windowMs,
    limit: opts.limit,
    store,
    standardHeaders: 'draft-7',
    skipFailedRequests: opts.onlySuccesses ?? false,
    legacyHeaders: false,
    keyGenerator: (req) => (opts.byMember && req.session?.memberId ? `m:${req.session.memberId}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`),
    handler: (req, _res, next, options) => {
      const resetTime = (req as unknown as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? (resetTime.getTime() - Date.now()) / 1000 : options.windowMs / 1000;
      next(rateLimited(seconds));
    },
    // Fail closed would lock everyone out when Redis blips; the auth limits are a brake, not a lock.
    passOnStoreError: true,
  });
}
