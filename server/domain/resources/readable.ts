import { Types } from 'mongoose';
import { Resource, type ResourceDoc } from '../../db/models/Resource.js';
import { notFound } from '../../errors.js';
import type { Viewer } from '../../policies/index.js';

/** policies/resource.ts `canReadResource` as a query filter, so lists and search never fetch what is hidden. */
export function readableResourceFilter(viewer: Viewer) {
  const live = { deletedAt: null };
  if (viewer.role === 'moderator' || viewer.role === 'admin') return live;
  return { ...live, $or: [{ visibility: 'community' as const }, { visibility: 'task_force' as const, taskForce: new Types.ObjectId(viewer.taskForceId) }] };
}

/** A resource the viewer may read, else 404: another task force's resource does not exist for them. */
export async function findReadableResource(viewer: Viewer, id: string): Promise<ResourceDoc> {
  const resource = await Resource.findOne({ _id: new Types.ObjectId(id), ...readableResourceFilter(viewer) });
  if (!resource) throw notFound('No such resource.');
  return resource;
}
