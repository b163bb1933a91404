import { Types, type ClientSession } from 'mongoose';
import { Attachment } from '../../db/models/Attachment.js';
import type { PostDoc } from '../../db/models/Post.js';
import { validationFailed } from '../../errors.js';

/**
 * Inside the post's transaction: ties the member's own unclaimed uploads to the post and copies their display
 * fields onto it. Anything not theirs, already on a post, or missing fails the whole post with 400.
 */
export async function claimAttachments(post: PostDoc, uploaderId: Types.ObjectId, ids: string[] | undefined, session: ClientSession): Promise<void> {
  if (!ids?.length) return;
  const objectIds = ids.map((id) => new Types.ObjectId(id));
  const claimed = await Attachment.updateMany({ _id: { $in: objectIds }, uploader: uploaderId, post: null }, { $set: { post: post._id } }, { session });
  if (claimed.modifiedCount !== ids.length) {
    throw validationFailed([{ path: 'body.attachmentIds', message: 'each attachment must be one you uploaded and not yet on a post' }]);
  }
  const attachments = await Attachment.find({ _id: { $in: objectIds } }, null, { session });
  const byId = new Map(attachments.map((a) => [a.id as string, a]));
  // Assigned, not pushed: a transaction retried after a transient error runs this again on the same document.
  post.set(
    'attachments',
    objectIds.map((id) => {
      const a = byId.get(id.toHexString())!;
      return { attachment: a._id, fileName: a.fileName, contentType: a.contentType, size: a.size, isImage: a.isImage };
    }),
  );
}
