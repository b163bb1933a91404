import type { Types } from 'mongoose';
import { StorageUsage } from '../../db/models/StorageUsage.js';
import { payloadTooLarge } from '../../errors.js';
import { describeBytes } from '../../storage/byteSize.js';

/**
 * Reserves `bytes` of the member's quota in one conditional update, so twenty uploads at once cannot together
 * pass it. The caller releases the reservation if the file is not kept.
 */
export async function reserveStorage(memberId: Types.ObjectId, bytes: number, quotaBytes: number): Promise<void> {
  try {
    await StorageUsage.updateOne({ member: memberId }, { $setOnInsert: { usedBytes: 0 } }, { upsert: true });
  } catch (error) {
    // Two first uploads raced to create the counter; the other one did.
    if ((error as { code?: number }).code !== 11000) throw error;
  }
  const reserved = await StorageUsage.updateOne({ member: memberId, usedBytes: { $lte: quotaBytes - bytes } }, { $inc: { usedBytes: bytes } });
  // matchedCount, not modifiedCount: an empty file adds 0 bytes, which the server reports as no modification.
  if (reserved.matchedCount !== 1) {
    throw payloadTooLarge(`This would take you past your storage quota of ${describeBytes(quotaBytes)}. Remove something you shared, or ask an administrator.`);
  }
}

export async function releaseStorage(memberId: Types.ObjectId, bytes: number): Promise<void> {
  if (bytes > 0) await StorageUsage.updateOne({ member: memberId }, { $inc: { usedBytes: -bytes } });
}

export async function storageUsedBy(memberId: Types.ObjectId): Promise<number> {
  return (await StorageUsage.findOne({ member: memberId }).lean())?.usedBytes ?? 0;
}
