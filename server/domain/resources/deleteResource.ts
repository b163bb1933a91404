import { withTransaction } from '../../db/connection.js';
import { Resource, type ResourceDoc } from '../../db/models/Resource.js';
import { notFound } from '../../errors.js';
import { describeError, logger } from '../../logger.js';
import { authorize, canManageResource, resourceFactsOf, viewerOf } from '../../policies/index.js';
import type { FileServices } from '../../storage/index.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { Actor } from '../context.js';
import { auditActorFields } from '../discussions/auditOf.js';
import { releaseStorage } from '../files/storageQuota.js';
import { findReadableResource } from './readable.js';

/**
 * Removes a resource: the record stays (marked deleted) for the audit trail, the stored bytes of every version are
 * deleted and the quota returned. A byte removal that fails is left to the stray sweep (the quota is returned anyway).
 */
export async function deleteResource({ actor, resourceId, files }: { actor: Actor; resourceId: string; files: FileServices }): Promise<ResourceDoc> {
  const viewer = viewerOf(actor.member);
  const resource = await findReadableResource(viewer, resourceId);
  authorize(canManageResource(viewer, resourceFactsOf(resource)), 'Only the person who shared it, their coordinator or a moderator can remove it.');
  const deleted = await withTransaction(async (session) => {
    // Conditional on `deletedAt: null`, so of two deletes racing only one goes on to return the quota.
    const updated = await Resource.findOneAndUpdate({ _id: resource._id, deletedAt: null }, { $set: { deletedAt: new Date() } }, { returnDocument: 'after', session });
    if (!updated) throw notFound('No such resource.');
    await recordAudit({ ...auditActorFields(actor), action: 'resource.deleted', target: `resource:${resource.id}`, details: { versions: updated.versions.length } }, session);
    return updated;
  });
  for (const version of deleted.versions) {
    try {
      await files.storage.remove(version.storageKey);
    } catch (error) {
      logger.warn({ err: describeError(error), resourceId: resource.id }, 'stored file not removed; the sweep will retry');
    }
    // The quota is returned either way: the sweep removes leftover bytes but cannot tell whose they were.
    await releaseStorage(version.uploadedBy, version.size);
  }
  return deleted;
}
