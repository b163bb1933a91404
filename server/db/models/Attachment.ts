import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { resourceLimits } from '../../../shared/limits.js';

/**
 * A file uploaded for a post. Until a post claims it (`post` null) only its uploader may fetch it; after that it
 * has exactly the read rule of the post's thread, looked up at every download.
 */
const attachmentSchema = new Schema(
  {
    uploader: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
    post: { type: Schema.Types.ObjectId, ref: 'Post', default: null },
    storageKey: { type: String, required: true },
    fileName: { type: String, required: true, maxlength: resourceLimits.fileName.max },
    contentType: { type: String, required: true },
    size: { type: Number, required: true, min: 0 },
    sha256: { type: String, required: true },
    isImage: { type: Boolean, required: true },
  },
  { timestamps: true },
);
attachmentSchema.index({ post: 1 });
attachmentSchema.index({ storageKey: 1 });
// The sweep's question: unclaimed uploads older than a day.
attachmentSchema.index({ post: 1, createdAt: 1 });

export type AttachmentFields = InferSchemaType<typeof attachmentSchema>;
export type AttachmentDoc = HydratedDocument<AttachmentFields>;
export const Attachment = model('Attachment', attachmentSchema);
