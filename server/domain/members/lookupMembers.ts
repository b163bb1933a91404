import { Member, type MemberDoc } from '../../db/models/Member.js';
import { TaskForce, type TaskForceDoc } from '../../db/models/TaskForce.js';
import type { MemberLookupQuery } from '../../../shared/schemas/members.js';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Mention autocomplete over the member directory, which every member may read (PRODUCT.md): active members whose
 * handle, given name or surname starts with `q`, case-insensitively. The input is escaped, so it is never a pattern.
 */
export async function lookupMembers({ query }: { query: MemberLookupQuery }): Promise<{ members: MemberDoc[]; taskForces: Map<string, TaskForceDoc> }> {
  const prefix = new RegExp(`^${escapeRegex(query.q)}`, 'i');
  const nameMatch = query.q ? { $or: [{ handle: prefix }, { givenName: prefix }, { surname: prefix }] } : {};
  const members = await Member.find({ status: 'active' as const, handle: { $type: 'string' as const }, ...nameMatch }).sort({ handle: 1 }).limit(query.limit);
  const taskForces = members.length ? await TaskForce.find({ _id: { $in: [...new Set(members.map((m) => m.taskForce.toString()))] } }) : [];
  return { members, taskForces: new Map(taskForces.map((t) => [t.id as string, t])) };
}
