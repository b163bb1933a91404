import { Types } from 'mongoose';
import { Attachment, type AttachmentDoc } from '../../db/models/Attachment.js';
import { notFound } from '../../errors.js';
import { canModerateThread, threadFactsOf, viewerOf } from '../../policies/index.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { Actor } from '../context.js';
import { auditActorFields } from '../discussions/auditOf.js';
import { findReadablePost } from '../discussions/readable.js';

/**
 * Authorizes one attachment download with the read rule of its post's thread (404 otherwise, as for the post), and
 * audits it. An unclaimed upload is its uploader's alone; a removed post's files only its moderators may fetch.
 */
export async function downloadAttachment({ actor, attachmentId, preview }: { actor: Actor; attachmentId: string; preview: boolean }): Promise<AttachmentDoc> {
  const viewer = viewerOf(actor.member);
  const attachment = await Attachment.findById(new Types.ObjectId(attachmentId));
  if (!attachment) throw notFound('No such attachment.');
  if (!attachment.post) {
    if (!attachment.uploader.equals(actor.member._id)) throw notFound('No such attachment.');
  } else {
    const { post, thread } = await findReadablePost(viewer, attachment.post.toString()).catch(() => {
      throw notFound('No such attachment.');
    });
    if (post.deletedAt && !canModerateThread(viewer, threadFactsOf(thread))) throw notFound('No such attachment.');
  }
  if (preview && !attachment.isImage) throw notFound('Only images have a preview.');
  await recordAudit({ ...auditActorFields(actor), action: preview ? 'attachment.previewed' : 'attachment.downloaded', target: `attachment:${attachment.id}`, details: { postId: attachment.post?.toString() ?? null } });
  return attachment;
}
