import { Types } from 'mongoose';
import type { Viewer } from '../../policies/index.js';

/**
 * policies/discussion.ts `canModerateSpace` as a filter on documents carrying `visibility`/`taskForce` copies:
 * moderators and admins everywhere, coordinators in their own task force's private space, others nowhere (null).
 */
export function moderatedSpaceFilter(viewer: Viewer): Record<string, unknown> | null {
  if (viewer.role === 'moderator' || viewer.role === 'admin') return {};
  if (viewer.role === 'coordinator') return { visibility: 'private', taskForce: new Types.ObjectId(viewer.taskForceId) };
  return null;
}
