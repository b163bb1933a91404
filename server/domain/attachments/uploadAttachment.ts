import { Attachment, type AttachmentDoc } from '../../db/models/Attachment.js';
import type { FileServices } from '../../storage/index.js';
import type { Actor } from '../context.js';
import { publishUpload, type UploadedTempFile } from '../files/publishUpload.js';

/** Stores a file for a post the member is writing; the post claims it when it is created. */
export async function uploadAttachment({ actor, upload, files }: { actor: Actor; upload: UploadedTempFile; files: FileServices }): Promise<AttachmentDoc> {
  const published = await publishUpload(actor, upload, files);
  try {
    return await Attachment.create({ uploader: actor.member._id, storageKey: published.storageKey, fileName: published.fileName, contentType: published.contentType, size: published.size, sha256: published.sha256, isImage: published.isImage });
  } catch (error) {
    await published.discard();
    throw error;
  }
}
