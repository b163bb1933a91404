import type { RequestHandler } from 'express';
import { loadMemberAccess } from '../../domain/members/loadMemberAccess.js';
import { events } from '../../events/bus.js';
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
    const { member, taskForce, allowed } = await loadMemberAccess(memberId);
    if (!member || !taskForce || !allowed) {
      await sessions.destroy(req);
      // The member's other sessions and live sockets end too (a suspension does this itself; a task force leaving
      // the registry is first noticed here).
      if (member) events.publish('member.accessRevoked', { memberId: member.id as string, reason: member.status === 'suspended' ? 'suspended' : 'deprovisioned' });
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
