import { Types } from 'mongoose';
import { Member, type MemberDoc, type MemberFields } from '../../db/models/Member.js';
import { TaskForce, type TaskForceDoc, type TaskForceFields } from '../../db/models/TaskForce.js';

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
 * The member and task force behind a session or socket, and whether they may use the community now: an active member
 * of a task force still in the registry. The one check HTTP requests, socket handshakes and room joins share.
 */
export async function loadMemberAccess(memberId: string): Promise<{ member: MemberDoc | null; taskForce: TaskForceDoc | null; allowed: boolean }> {
  const { member, taskForce } = await memberWithTaskForce(memberId);
  return { member, taskForce, allowed: Boolean(member && member.status === 'active' && taskForce?.active) };
}
