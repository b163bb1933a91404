import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { limits } from '../../../shared/limits.js';

/**
 * A discussion thread. `visibility` and `taskForce` are copied from its category (and rewritten on a move) so
 * every read can put the visibility rule inside the query on threads alone.
 */
const threadSchema = new Schema(
  {
    category: { type: Schema.Types.ObjectId, ref: 'Category', required: true },
    visibility: { type: String, enum: ['open', 'private'], required: true },
    taskForce: { type: Schema.Types.ObjectId, ref: 'TaskForce', default: null },
    title: { type: String, required: true, trim: true, maxlength: limits.threadTitle.max },
    author: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
    pinned: { type: Boolean, required: true, default: false },
    locked: { type: Boolean, required: true, default: false },
    replyCount: { type: Number, required: true, default: 0 },
    /** Posts ever added, removed ones included: each post's `seq`; read states compare against it (unread counts). */
    postSeq: { type: Number, required: true, default: 0 },
    lastActivityAt: { type: Date, required: true, default: () => new Date() },
    /**
     * Bumped in the same write as every change to the thread's posts (create, edit, remove, reaction), after or with
     * the post's own write: a per-process copy of the posts stays valid while this number has not moved.
     */
    contentVersion: { type: Number, required: true, default: 0 },
  },
  { timestamps: true },
);
// The category list's order: pinned first, then by last activity, with _id to break ties for the cursor.
threadSchema.index({ category: 1, pinned: -1, lastActivityAt: -1, _id: -1 });
threadSchema.index({ visibility: 1, taskForce: 1 });
threadSchema.index({ title: 'text' }, { default_language: 'english', name: 'thread_title_text' });

export type ThreadFields = InferSchemaType<typeof threadSchema>;
export type ThreadDoc = HydratedDocument<ThreadFields>;
export const Thread = model('Thread', threadSchema);
