import { Attachment } from '../../db/models/Attachment.js';
import { Resource } from '../../db/models/Resource.js';

/**
 * Which of `keys` a record still points at: one query per record type for the whole batch. A live resource version
 * or any attachment record counts (unclaimed ones are removed with their bytes by `removeUnclaimedAttachments`); a
 * deleted resource's bytes are removed at deletion, so whatever that removal missed is a stray.
 * Anything else that comes to hold storage keys must be added here, or the sweep removes its files.
 */
export async function liveStorageKeys(keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const wanted = new Set(keys);
  const [resources, attachments] = await Promise.all([
    Resource.find({ deletedAt: null, 'versions.storageKey': { $in: keys } }).select<{ versions: { storageKey: string }[] }>({ 'versions.storageKey': 1 }).lean(),
    Attachment.find({ storageKey: { $in: keys } }).select<{ storageKey: string }>({ storageKey: 1 }).lean(),
  ]);
  const referenced = [...resources.flatMap((r) => r.versions.map((v) => v.storageKey)), ...attachments.map((a) => a.storageKey)];
  return new Set(referenced.filter((key) => wanted.has(key)));
}
