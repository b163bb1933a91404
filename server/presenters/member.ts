import { displayNameOf, type MemberDoc } from '../db/models/Member.js';
import type { TaskForceDoc } from '../db/models/TaskForce.js';
import type { Discipline, MemberDto, MemberStatus, Role, TaskForceSummaryDto } from '../../shared/dto/member.js';

export function presentTaskForceSummary(taskForce: TaskForceDoc): TaskForceSummaryDto {
  return { id: taskForce.id as string, code: taskForce.code, name: taskForce.name, kind: taskForce.kind as TaskForceSummaryDto['kind'] };
}

export function presentMember(member: MemberDoc, taskForce: TaskForceDoc | null): MemberDto {
  return {
    id: member.id as string,
    displayName: displayNameOf(member),
    email: member.email,
    role: member.role as Role,
    status: member.status as MemberStatus,
    discipline: member.discipline as Discipline,
    agency: member.agency,
    taskForce: taskForce ? presentTaskForceSummary(taskForce) : null,
  };
}
