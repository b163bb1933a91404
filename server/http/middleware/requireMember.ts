import type { RequestHandler } from 'express';
import { Types } from 'mongoose';
import { Member, type MemberDoc, type MemberFields } from '../../db/models/Member.js';
import { TaskForce, type TaskForceDoc, type TaskForceFields } from '../../db/models/TaskForce.js';
import { forbidden, unauthenticated } from '../../errors.js';
import type { Role } from '../../../shared/dto/member.js';
import type { Sessions } from '../../auth/session.js';

type MemberFieldsWithId = MemberFields & { _id: Types.ObjectId };

/**
 * The member and their task force in one round trip (a `$lookup` on the task force's `_id`), both read fresh: they
 * are what every authorization decision rests on, so they are never cached.
 */
async function memberWithTaskForce(memberId: string): Promise<{ member: MemberDoc | null; taskForce: TaskForceDoc | null }> {
  if (!Types.ObjectId.isValid(memberId)) return { member: null, taskForce: null };
  // Through the driver: this runs on every API request, and mongoose's aggregate wrapper costs more than the query.
  const [found] = await Member.collection
    .aggregate<MemberFieldsWithId & { taskForces: (TaskForceFields & { _id: Types.ObjectId })[] }>([
      { $match: { _id: new Types.ObjectId(memberId) } },
      { $lookup: { from: TaskForce.collection.collectionName, localField: 'taskForce', foreignField: '_id', as: 'taskForces' } },
    ])
    .toArray();
  if (!found) return { member: null, taskForce: null };
  const { taskForces, ...fields } = found;
  return { member: Member.hydrate(fields), taskForce: taskForces[0] ? TaskForce.hydrate(taskForces[0]) : null };
}

/**
 * Loads the signed-in member on every request, so a suspension, a role change or a task force leaving
 * the registry takes effect at the next request rather than at the next sign-in.
 */
export function requireMember(sessions: Sessions): RequestHandler {
  return async (req, _res, next) => {
    const memberId = req.session?.memberId;
    if (!memberId) return next(unauthenticated());
    const { member, taskForce } = await memberWithTaskForce(memberId);
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
