import type { RequestHandler } from 'express';
import { Member } from '../../db/models/Member.js';
import { TaskForce } from '../../db/models/TaskForce.js';
import { forbidden, unauthenticated } from '../../errors.js';
import type { Role } from '../../../shared/dto/member.js';
import type { Sessions } from '../../auth/session.js';

/**
 * Loads the signed-in member on every request, so a suspension, a role change or a task force leaving
 * the registry takes effect at the next request rather than at the next sign-in.
 */
export function requireMember(sessions: Sessions): RequestHandler {
  return async (req, _res, next) => {
    const memberId = req.session?.memberId;
    if (!memberId) return next(unauthenticated());
    const member = await Member.findById(memberId);
    const taskForce = member ? await TaskForce.findById(member.taskForce) : null;
    if (!member || member.status !== 'active' || !taskForce?.active) {
      await sessions.destroy(req);
      return next(unauthenticated('Your session has ended. Sign in again.'));
    }
    req.member = member;
    req.taskForce = taskForce;
    next();
  };
}

/** Allows only the given roles; use after requireMember. */
export function requireRole(...allowed: Role[]): RequestHandler {
  return (req, _res, next) => next(req.member && allowed.includes(req.member.role as Role) ? undefined : forbidden());
}
