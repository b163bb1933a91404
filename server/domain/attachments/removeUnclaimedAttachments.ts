import { Attachment } from '../../db/models/Attachment.js';
import { describeError, logger } from '../../logger.js';
import type { FileStorage } from '../../storage/FileStorage.js';
import { releaseStorage } from '../files/storageQuota.js';

/** A day to finish writing the post a file was uploaded for. */
export const UNCLAIMED_ATTACHMENT_AGE_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

/**
 * Removes uploads no post claimed within a day (the post was abandoned, or refused), with their bytes, and gives
 * their quota back. The record goes first and only while still unclaimed, so a post claiming it at the same moment
 * either wins (and keeps it) or fails with 400; never a post pointing at removed bytes.
 */
export async function removeUnclaimedAttachments(storage: FileStorage, olderThan: Date): Promise<number> {
  const candidates = await Attachment.find({ post: null, createdAt: { $lt: olderThan } }).limit(BATCH);
  let removed = 0;
  for (const attachment of candidates) {
    const gone = await Attachment.deleteOne({ _id: attachment._id, post: null });
    if (gone.deletedCount !== 1) continue;
    removed += 1;
    try {
      await storage.remove(attachment.storageKey);
    } catch (error) {
      logger.warn({ err: describeError(error) }, 'unclaimed attachment bytes not removed; the stray sweep will');
    }
    await releaseStorage(attachment.uploader, attachment.size);
  }
  return removed;
}
