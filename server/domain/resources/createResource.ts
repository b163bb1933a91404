import { withTransaction } from '../../db/connection.js';
import { Resource, type ResourceDoc } from '../../db/models/Resource.js';
import { validationFailed } from '../../errors.js';
import type { FileServices } from '../../storage/index.js';
import type { CreateResourceFields } from '../../../shared/schemas/resources.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { Actor } from '../context.js';
import { auditActorFields } from '../discussions/auditOf.js';
import { publishUpload, type UploadedTempFile } from '../files/publishUpload.js';

interface CreateResourceProps {
  actor: Actor;
  input: CreateResourceFields;
  upload: UploadedTempFile | null;
  files: FileServices;
}

/**
 * Shares a file or an external link. The file goes through the whole upload pipeline first; the metadata and its
 * audit entry are written together, and if that fails the stored file is removed again: nothing is half-shared.
 */
export async function createResource({ actor, input, upload, files }: CreateResourceProps): Promise<ResourceDoc> {
  if (Boolean(upload) === Boolean(input.url)) {
    throw validationFailed([{ path: 'file', message: 'send either a file or a url, not both and not neither' }]);
  }
  if (input.url && input.type !== 'link') throw validationFailed([{ path: 'body.type', message: 'a url is shared with type "link"' }]);
  if (upload && input.type === 'link') throw validationFailed([{ path: 'body.type', message: 'type "link" is for urls, not files' }]);

  const published = upload ? await publishUpload(actor, upload, files) : null;
  const now = new Date();
  const resource = new Resource({
    title: input.title,
    description: input.description,
    tags: input.tags,
    type: input.type,
    visibility: input.visibility,
    taskForce: actor.member.taskForce,
    discipline: actor.member.discipline,
    uploader: actor.member._id,
    url: input.url ?? null,
    searchText: published?.text ?? '',
    versions: published
      ? [{ number: 1, storageKey: published.storageKey, fileName: published.fileName, contentType: published.contentType, size: published.size, sha256: published.sha256, isImage: published.isImage, uploadedBy: actor.member._id, uploadedAt: now }]
      : [],
  });
  try {
    await withTransaction(async (session) => {
      await resource.save({ session });
      await recordAudit({ ...auditActorFields(actor), action: 'resource.created', target: `resource:${resource.id}`, details: { visibility: input.visibility, size: published?.size ?? 0, sha256: published?.sha256 ?? null } }, session);
    });
  } catch (error) {
    await published?.discard();
    throw error;
  }
  return resource;
}
