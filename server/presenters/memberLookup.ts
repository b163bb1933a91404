import { displayNameOf, type MemberDoc } from '../db/models/Member.js';
import type { TaskForceDoc } from '../db/models/TaskForce.js';
import type { MemberLookupItemDto } from '../../shared/dto/memberDirectory.js';
import type { Discipline } from '../../shared/dto/member.js';

/** A member for mention autocomplete: name, handle, task force and discipline; never the email. */
export function presentMemberLookupItem(member: MemberDoc, taskForces: ReadonlyMap<string, TaskForceDoc>): MemberLookupItemDto {
  return {
    id: member.id as string,
    displayName: displayNameOf(member),
    handle: member.handle ?? '',
    taskForceName: taskForces.get(member.taskForce.toString())?.name ?? '',
    discipline: member.discipline as Discipline,
  };
}
