import type { MemberStatus, Role } from '../../shared/dto/member.js';

/** The facts about a member that membership rules need; callers load them first. */
export interface MemberFacts {
  id: string;
  role: Role;
  status: MemberStatus;
  taskForceId: string;
  taskForceIsStaff: boolean;
}

const isActive = (m: MemberFacts) => m.status === 'active';

/** Approve, suspend or reinstate: admins anywhere; coordinators within their own task force, not over staff or themselves. */
export function canSetMemberStatus(actor: MemberFacts, target: MemberFacts): boolean {
  if (!isActive(actor) || actor.id === target.id) return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'coordinator' && actor.taskForceId === target.taskForceId && (target.role === 'member' || target.role === 'coordinator');
}

/** Roles are granted by admins only; moderator and admin only to members of the staff entry. */
export function canSetMemberRole(actor: MemberFacts, target: MemberFacts, role: Role): boolean {
  if (!isActive(actor) || actor.role !== 'admin' || actor.id === target.id) return false;
  if (role === 'moderator' || role === 'admin') return target.taskForceIsStaff;
  return true;
}

/** Reading the admin view of a member follows the same scope as changing their status. */
export const canViewMemberAdmin = (actor: MemberFacts, target: MemberFacts): boolean =>
  actor.role === 'admin' || (actor.role === 'coordinator' && isActive(actor) && actor.taskForceId === target.taskForceId);
