import type { ResourceAbilities, ResourceVisibility } from '../../shared/dto/resource.js';
import type { Viewer } from './discussion.js';

export interface ResourceFacts {
  visibility: ResourceVisibility;
  taskForceId: string;
  uploaderId: string;
}

type IdLike = { toString(): string };

export const resourceFactsOf = (r: { visibility: string; taskForce: IdLike; uploader: IdLike }): ResourceFacts => ({
  visibility: r.visibility as ResourceVisibility,
  taskForceId: r.taskForce.toString(),
  uploaderId: r.uploader.toString(),
});

const isStaff = (v: Viewer) => v.role === 'moderator' || v.role === 'admin';

/** The whole community's resources to every member; a task force's own to its members, moderators and admins. */
export const canReadResource = (v: Viewer, r: ResourceFacts): boolean =>
  r.visibility === 'community' || isStaff(v) || r.taskForceId === v.taskForceId;

/**
 * New versions and removal: the uploader, moderators and admins; a coordinator only for their own task force's
 * task-force-only resources (PRODUCT.md keeps coordinators to their own space).
 */
export const canManageResource = (v: Viewer, r: ResourceFacts): boolean =>
  canReadResource(v, r) && (r.uploaderId === v.id || isStaff(v) || (v.role === 'coordinator' && r.visibility === 'task_force' && r.taskForceId === v.taskForceId));

export const resourceAbilities = (v: Viewer, r: ResourceFacts): ResourceAbilities => ({
  canDownload: canReadResource(v, r),
  canAddVersion: canManageResource(v, r),
  canDelete: canManageResource(v, r),
});
