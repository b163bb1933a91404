import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { reactionKinds } from '../../../shared/dto/discussion.js';
import { limits } from '../../../shared/limits.js';

const revisionSchema = new Schema(
  {
    body: { type: String, required: true },
    editedAt: { type: Date, required: true },
    editor: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
  },
  { _id: false },
);

const reactionSchema = new Schema(
  {
    member: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
    reaction: { type: String, enum: reactionKinds, required: true },
  },
  { _id: false },
);

/** A copy of an attachment's display fields, so presenting a post needs no second query. */
const attachmentSummarySchema = new Schema(
  {
    attachment: { type: Schema.Types.ObjectId, ref: 'Attachment', required: true },
    fileName: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    isImage: { type: Boolean, required: true },
  },
  { _id: false },
);

/** A post of a thread: the opening post (no parent) or a reply in the tree. Removal is soft and keeps the tree. */
const postSchema = new Schema(
  {
    thread: { type: Schema.Types.ObjectId, ref: 'Thread', required: true },
    /** Copies of the thread's (its category's) visibility, rewritten on a move, so search filters posts alone. */
    visibility: { type: String, enum: ['open', 'private'], required: true },
    taskForce: { type: Schema.Types.ObjectId, ref: 'TaskForce', default: null },
    author: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
    parent: { type: Schema.Types.ObjectId, ref: 'Post', default: null },
    replyTo: { type: Schema.Types.ObjectId, ref: 'Post', default: null },
    depth: { type: Number, required: true, min: 0 },
    /** Its place in the thread's `postSeq` order (1 for the opening post); 0 for posts older than the counter. */
    seq: { type: Number, required: true, default: 0 },
    body: { type: String, required: true, maxlength: limits.postBody.max },
    bodyHtml: { type: String, required: true },
    /** Earlier bodies, oldest first; the current one is `body`. */
    revisions: { type: [revisionSchema], default: [] },
    editedAt: { type: Date, default: null },
    deletedAt: { type: Date, default: null },
    deletedBy: { type: Schema.Types.ObjectId, ref: 'Member', default: null },
    reactions: { type: [reactionSchema], default: [] },
    attachments: { type: [attachmentSummarySchema], default: [] },
  },
  { timestamps: true },
);
postSchema.index({ thread: 1, _id: 1 });
postSchema.index({ body: 'text' }, { default_language: 'english', name: 'post_body_text' });

export type PostFields = InferSchemaType<typeof postSchema>;
export type PostDoc = HydratedDocument<PostFields>;
export const Post = model('Post', postSchema);
