import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';

/** A discussion category: open to every member, or private to one task force (plus moderators and admins). */
const categorySchema = new Schema(
  {
    slug: { type: String, required: true, trim: true, maxlength: 80, unique: true },
    name: { type: String, required: true, trim: true, maxlength: 100 },
    description: { type: String, trim: true, maxlength: 500, default: '' },
    order: { type: Number, required: true, default: 0 },
    /**
     * Threads started in or moved into it, minus those moved out. Every thread creation and move writes it inside its
     * transaction, so a concurrent change of the category's space conflicts with them instead of racing them.
     */
    threadCount: { type: Number, required: true, default: 0 },
    visibility: { type: String, enum: ['open', 'private'], required: true, default: 'open' },
    taskForce: { type: Schema.Types.ObjectId, ref: 'TaskForce', default: null },
  },
  { timestamps: true },
);
categorySchema.index({ visibility: 1, taskForce: 1, order: 1 });

export type CategoryFields = InferSchemaType<typeof categorySchema>;
export type CategoryDoc = HydratedDocument<CategoryFields>;
export const Category = model('Category', categorySchema);
