import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { notificationKinds } from '../../../shared/dto/notification.js';

/**
 * Something a member should look at: a post that mentions them, answers them, or arrived in a thread they watch.
 * Written in the same transaction as the post, at most one per member and post.
 */
const notificationSchema = new Schema(
  {
    member: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
    kind: { type: String, enum: notificationKinds, required: true },
    actor: { type: Schema.Types.ObjectId, ref: 'Member', default: null },
    thread: { type: Schema.Types.ObjectId, ref: 'Thread', required: true },
    post: { type: Schema.Types.ObjectId, ref: 'Post', required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    readAt: { type: Date, default: null },
  },
  { timestamps: false },
);
// The member's list, newest first, paged by _id; and their unread ones.
notificationSchema.index({ member: 1, _id: -1 });
notificationSchema.index({ member: 1, readAt: 1 });
// One notification per member per post, even if two writers race (an edit adding a mention, say).
notificationSchema.index({ post: 1, member: 1 }, { unique: true });

export type NotificationFields = InferSchemaType<typeof notificationSchema>;
export type NotificationDoc = HydratedDocument<NotificationFields>;
export const Notification = model('Notification', notificationSchema);
