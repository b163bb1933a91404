import type { MemberDoc } from '../../db/models/Member.js';
import { TaskForce } from '../../db/models/TaskForce.js';
import type { MemberFacts } from '../../policies/member.js';
import type { MemberStatus, Role } from '../../../shared/dto/member.js';

/** Loads what the membership policies need to know about several members, in one query. */
export async function memberFacts(...members: MemberDoc[]): Promise<MemberFacts[]> {
  const staff = await TaskForce.find({ _id: { $in: members.map((m) => m.taskForce) }, kind: 'staff' }, { _id: 1 }).lean();
  const staffIds = new Set(staff.map((t) => t._id.toString()));
  return members.map((m) => ({
    id: m.id as string,
    role: m.role as Role,
    status: m.status as MemberStatus,
    taskForceId: m.taskForce.toString(),
    taskForceIsStaff: staffIds.has(m.taskForce.toString()),
  }));
}
