import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';

/**
 * One member's relation to one thread: how far they have read (`lastReadSeq`, compared with Thread.postSeq for the
 * unread count) and whether they watch it. `unwatchedAt` records an explicit unwatch, so replying later does not
 * silently re-subscribe them.
 */
const threadMembershipSchema = new Schema(
  {
    member: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
    thread: { type: Schema.Types.ObjectId, ref: 'Thread', required: true },
    lastReadSeq: { type: Number, required: true, default: 0 },
    watching: { type: Boolean, required: true, default: false },
    unwatchedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
threadMembershipSchema.index({ member: 1, thread: 1 }, { unique: true });
// Who to notify about a new post in a thread.
threadMembershipSchema.index({ thread: 1, watching: 1 });

export type ThreadMembershipFields = InferSchemaType<typeof threadMembershipSchema>;
export type ThreadMembershipDoc = HydratedDocument<ThreadMembershipFields>;
export const ThreadMembership = model('ThreadMembership', threadMembershipSchema);
