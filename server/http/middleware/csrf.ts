import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { csrfFailed } from '../../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests that a browser sent from another site: `Origin` must be ours when
 * present, and `Sec-Fetch-Site` (sent by every current browser) must not say cross-site.
 */
export function sameOrigin(publicUrl: string): RequestHandler {
  const ours = new URL(publicUrl).origin;
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    const fetchSite = req.get('sec-fetch-site');
    if ((origin && origin !== ours) || fetchSite === 'cross-site' || fetchSite === 'same-site') {
      return next(csrfFailed('Cross-site requests are not accepted.'));
    }
    next();
  };
}

/** The synchronizer token: non-GET requests carry `X-CSRF-Token` equal to the session's token. */
export const requireCsrfToken: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const expected = req.session?.csrfToken;
  const given = req.get('x-csrf-token');
  if (!expected || !given) return next(csrfFailed());
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  next(a.length === b.length && timingSafeEqual(a, b) ? undefined : csrfFailed());
};
