import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { flagNoteMaxLength, flagReasons, flagStatuses } from '../../../shared/dto/flag.js';

/**
 * A member's report that a post needs a moderator's look. `visibility` and `taskForce` are copies of the post's
 * thread's (rewritten when the thread moves), so the moderation queue puts its visibility rule inside the query.
 */
const flagSchema = new Schema(
  {
    post: { type: Schema.Types.ObjectId, ref: 'Post', required: true },
    thread: { type: Schema.Types.ObjectId, ref: 'Thread', required: true },
    visibility: { type: String, enum: ['open', 'private'], required: true },
    taskForce: { type: Schema.Types.ObjectId, ref: 'TaskForce', default: null },
    reporter: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
    reason: { type: String, enum: flagReasons, required: true },
    /** What the reporter wrote; may hold personal details, so it never reaches logs or the audit trail. */
    note: { type: String, maxlength: flagNoteMaxLength, default: '' },
    status: { type: String, enum: flagStatuses, required: true, default: 'open' },
  },
  { timestamps: true },
);
// One open flag per member per post; the unique index settles two quick submissions.
flagSchema.index({ post: 1, reporter: 1 }, { unique: true, partialFilterExpression: { status: 'open' }, name: 'one_open_flag_per_reporter' });
// The moderation queue: open flags oldest first, narrowed by space for coordinators.
flagSchema.index({ status: 1, _id: 1 });
flagSchema.index({ thread: 1 });

export type FlagFields = InferSchemaType<typeof flagSchema>;
export type FlagDoc = HydratedDocument<FlagFields>;
export const Flag = model('Flag', flagSchema);
