import type { Actor } from '../context.js';

/** The fields of an audit entry that say who acted and from where. */
export const auditActorFields = (actor: Actor) => ({
  actorId: actor.member.id as string,
  actorLabel: actor.member.email,
  outcome: 'success' as const,
  ip: actor.ip,
  userAgent: actor.userAgent,
});
