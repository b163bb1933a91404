import { withTransaction } from '../../db/connection.js';
import type { ResourceDoc } from '../../db/models/Resource.js';
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
 * deleted and the quota returned. A byte removal that fails is left to the stray sweep.
 */
export async function deleteResource({ actor, resourceId, files }: { actor: Actor; resourceId: string; files: FileServices }): Promise<ResourceDoc> {
  const viewer = viewerOf(actor.member);
  const resource = await findReadableResource(viewer, resourceId);
  authorize(canManageResource(viewer, resourceFactsOf(resource)), 'Only the person who shared it, their coordinator or a moderator can remove it.');
  resource.deletedAt = new Date();
  await withTransaction(async (session) => {
    await resource.save({ session });
    await recordAudit({ ...auditActorFields(actor), action: 'resource.deleted', target: `resource:${resource.id}`, details: { versions: resource.versions.length } }, session);
  });
  for (const version of resource.versions) {
    try {
      await files.storage.remove(version.storageKey);
      await releaseStorage(version.uploadedBy, version.size);
    } catch (error) {
      logger.warn({ err: describeError(error), resourceId: resource.id }, 'stored file not removed; the sweep will retry');
    }
  }
  return resource;
}
