import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';

/**
 * Bytes a member's stored files take. Reserved with one conditional `$inc` before a file is stored and released if
 * storing fails, so concurrent uploads can never take a member past the quota.
 */
const storageUsageSchema = new Schema({
  member: { type: Schema.Types.ObjectId, ref: 'Member', required: true, unique: true },
  usedBytes: { type: Number, required: true, default: 0, min: 0 },
});

export type StorageUsageFields = InferSchemaType<typeof storageUsageSchema>;
export type StorageUsageDoc = HydratedDocument<StorageUsageFields>;
export const StorageUsage = model('StorageUsage', storageUsageSchema);
