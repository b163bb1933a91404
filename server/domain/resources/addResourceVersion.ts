import { Types } from 'mongoose';
import { withTransaction } from '../../db/connection.js';
import { Resource, type ResourceDoc } from '../../db/models/Resource.js';
import { conflict } from '../../errors.js';
import { authorize, canManageResource, resourceFactsOf, viewerOf } from '../../policies/index.js';
import type { FileServices } from '../../storage/index.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { Actor } from '../context.js';
import { auditActorFields } from '../discussions/auditOf.js';
import { publishUpload, type UploadedTempFile } from '../files/publishUpload.js';
import { findReadableResource } from './readable.js';

/** Uploads a new version; earlier ones stay downloadable by number. Two versions racing get distinct numbers or a 409. */
export async function addResourceVersion({ actor, resourceId, upload, files }: { actor: Actor; resourceId: string; upload: UploadedTempFile; files: FileServices }): Promise<ResourceDoc> {
  const viewer = viewerOf(actor.member);
  const resource = await findReadableResource(viewer, resourceId);
  authorize(canManageResource(viewer, resourceFactsOf(resource)), 'Only the person who shared it, their coordinator or a moderator can add versions.');
  if (resource.url) throw conflict('A shared link has no files to version.');

  const published = await publishUpload(actor, upload, files);
  const count = resource.versions.length;
  const version = { number: count + 1, storageKey: published.storageKey, fileName: published.fileName, contentType: published.contentType, size: published.size, sha256: published.sha256, isImage: published.isImage, uploadedBy: actor.member._id, uploadedAt: new Date() };
  try {
    return await withTransaction(async (session) => {
      // The size condition makes the number unique: a concurrent version makes this match nothing.
      const updated = await Resource.findOneAndUpdate(
        { _id: new Types.ObjectId(resourceId), deletedAt: null, versions: { $size: count } },
        { $push: { versions: version }, $set: { searchText: published.text } },
        { returnDocument: 'after', session },
      );
      if (!updated) throw conflict('Someone changed this resource at the same time; reload and try again.');
      await recordAudit({ ...auditActorFields(actor), action: 'resource.version_added', target: `resource:${resourceId}`, details: { version: version.number, size: version.size, sha256: version.sha256 } }, session);
      return updated;
    });
  } catch (error) {
    await published.discard();
    throw error;
  }
}
