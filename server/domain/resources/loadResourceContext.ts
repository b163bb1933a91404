import { Member, type MemberDoc } from '../../db/models/Member.js';
import type { ResourceDoc } from '../../db/models/Resource.js';
import { TaskForce } from '../../db/models/TaskForce.js';
import type { ResourceTaskForceDto } from '../../../shared/dto/resource.js';

export interface ResourceContext {
  authors: Map<string, MemberDoc>;
  taskForces: Map<string, ResourceTaskForceDto>;
}

/** The uploaders and task forces a page of resources names, in two queries for the whole page. */
export async function loadResourceContext(resources: ResourceDoc[]): Promise<ResourceContext> {
  const memberIds = new Set<string>();
  const taskForceIds = new Set<string>();
  for (const r of resources) {
    memberIds.add(r.uploader.toString());
    for (const v of r.versions) memberIds.add(v.uploadedBy.toString());
    taskForceIds.add(r.taskForce.toString());
  }
  const [members, taskForces] = await Promise.all([
    memberIds.size ? Member.find({ _id: { $in: [...memberIds] } }) : [],
    taskForceIds.size ? TaskForce.find({ _id: { $in: [...taskForceIds] } }) : [],
  ]);
  return {
    authors: new Map(members.map((m) => [m.id as string, m])),
    taskForces: new Map(taskForces.map((t) => [t.id as string, { id: t.id as string, code: t.code, name: t.name }])),
  };
}
