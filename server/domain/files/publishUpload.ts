import { ScannerUnavailableError } from '../../storage/malwareScanner.js';
import { inspectUpload } from '../../storage/inspectUpload.js';
import { concurrencyGate } from '../../storage/concurrencyGate.js';
import { extractText } from '../../storage/extractText.js';
import type { FileServices } from '../../storage/index.js';
import { malwareDetected, unavailable } from '../../errors.js';
import { logger, describeError } from '../../logger.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { Actor } from '../context.js';
import { auditActorFields } from '../discussions/auditOf.js';
import { releaseStorage, reserveStorage } from './storageQuota.js';

/** Two uploads decode images or extract text at a time per instance; more wait their turn. */
const heavyWork = concurrencyGate(2);

/** A file that passed every check and is complete in storage; its metadata is the caller's to write. */
export interface PublishedFile {
  storageKey: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  isImage: boolean;
  text: string;
  /** Undo: removes the stored bytes and releases the quota, when the metadata could not be written. */
  discard(): Promise<void>;
}

export interface UploadedTempFile {
  path: string;
  originalName: string;
}

/**
 * The upload pipeline after multer: real type (415), image re-encoding, malware scan (422 when infected and
 * audited; 503 when the scanner cannot answer: fail closed), quota reservation (413), then storage. On any failure
 * nothing stays stored and the reservation is released. Deleting the temp file is the caller's (route's) job.
 */
export async function publishUpload(actor: Actor, upload: UploadedTempFile, files: FileServices): Promise<PublishedFile> {
  const inspected = await heavyWork(() => inspectUpload(upload.path, upload.originalName));
  if (files.scanner) {
    let verdict;
    try {
      verdict = await files.scanner.scan(inspected.path);
    } catch (error) {
      if (!(error instanceof ScannerUnavailableError)) throw error;
      logger.error({ err: describeError(error) }, 'malware scanner unavailable; upload refused');
      throw unavailable('Files cannot be checked for malware right now, so nothing was uploaded. Try again later.');
    }
    if (!verdict.clean) {
      await recordAudit({ ...auditActorFields(actor), outcome: 'refused', action: 'file.malware_detected', details: { signature: verdict.signature, sha256: inspected.sha256, size: inspected.size } });
      throw malwareDetected();
    }
  }
  const memberId = actor.member._id;
  await reserveStorage(memberId, inspected.size, files.quotaBytes);
  let storageKey: string;
  try {
    storageKey = (await files.storage.put(inspected.path, inspected.contentType)).key;
  } catch (error) {
    await releaseStorage(memberId, inspected.size);
    throw error;
  }
  return {
    storageKey,
    fileName: inspected.fileName,
    contentType: inspected.contentType,
    size: inspected.size,
    sha256: inspected.sha256,
    isImage: inspected.isImage,
    text: await heavyWork(() => extractText(inspected.path, inspected.extension, inspected.size)),
    // Never throws: the caller is already handling the error that made it discard, which must reach the member.
    discard: async () => {
      try {
        await files.storage.remove(storageKey);
      } catch (error) {
        logger.warn({ err: describeError(error) }, 'stored file not removed after a failed upload; the sweep will retry');
      } finally {
        await releaseStorage(memberId, inspected.size).catch((error: unknown) => logger.error({ err: describeError(error) }, 'storage quota not released'));
      }
    },
  };
}
