import { withTransaction } from '../../db/connection.js';
import { Member, type MemberDoc } from '../../db/models/Member.js';
import { TaskForce, type TaskForceDoc } from '../../db/models/TaskForce.js';
import { notFound } from '../../errors.js';
import { events } from '../../events/bus.js';
import { authorize, canSetMemberRole, canSetMemberStatus } from '../../policies/index.js';
import type { UpdateMemberBody } from '../../../shared/schemas/admin.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { Actor } from '../context.js';
import { memberFacts } from './memberFacts.js';

/** Approves, suspends, reinstates or changes the role of a member; every change is audited. */
export async function updateMember({ actor, memberId, input }: { actor: Actor; memberId: string; input: UpdateMemberBody }): Promise<{ member: MemberDoc; taskForce: TaskForceDoc | null }> {
  const target = await Member.findById(memberId);
  const [actorFacts, targetFacts] = await memberFacts(actor.member, ...(target ? [target] : []));
  // Someone who may not manage this member learns nothing about whether it exists.
  if (!target || !targetFacts || !(actorFacts.role === 'admin' || canSetMemberStatus(actorFacts, targetFacts))) throw notFound('No such member.');
  if (input.status !== undefined) authorize(canSetMemberStatus(actorFacts, targetFacts), 'You cannot change this member’s status.');
  if (input.role !== undefined) authorize(canSetMemberRole(actorFacts, targetFacts, input.role), 'You cannot give this member that role.');

  const before = { status: target.status, role: target.role };
  const base = { actorId: actor.member.id as string, actorLabel: actor.member.email, target: `member:${target.id}`, outcome: 'success' as const, ip: actor.ip, userAgent: actor.userAgent };
  await withTransaction(async (session) => {
    if (input.status !== undefined && input.status !== before.status) {
      target.status = input.status;
      if (input.status === 'active' && before.status === 'pending') {
        target.approvedBy = actor.member._id;
        target.approvedAt = new Date();
      }
      const action = before.status === 'pending' && input.status === 'active' ? 'member.approved' : 'member.status_changed';
      await recordAudit({ ...base, action, details: { from: before.status, to: input.status } }, session);
    }
    if (input.role !== undefined && input.role !== before.role) {
      target.role = input.role;
      await recordAudit({ ...base, action: 'member.role_changed', details: { from: before.role, to: input.role } }, session);
    }
    await target.save({ session });
  });

  if (target.status !== 'active' && before.status === 'active') {
    events.publish('member.accessRevoked', { memberId: target.id as string, reason: 'suspended' });
  }
  events.publish('member.updated', { memberId: target.id as string });
  return { member: target, taskForce: await TaskForce.findById(target.taskForce) };
}
