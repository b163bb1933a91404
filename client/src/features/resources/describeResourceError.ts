import type { StorageUsageDto } from '../../../../shared/dto/resource.js';
import { resourceLimits } from '../../../../shared/limits.js';
import { ApiError } from '../../api/http.js';
import { acceptedKindsSentence, formatBytes, wholeMegabytes } from './format.js';

/** Any failure of the library's reads and removals as one plain sentence; never a status code alone. */
export function describeResourceError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  switch (error.code) {
    case 'not_found':
      return 'This resource was not found. It may have been removed, or it is shared only with a task force you are not in.';
    case 'forbidden':
      return error.message || 'You are not allowed to do that.';
    case 'unauthenticated':
      return 'Your session ended. Sign in again.';
    case 'csrf':
      return 'Your session changed in another tab. Reload the page and try again.';
    case 'rate_limited':
      return 'You are going quickly. Wait a moment and try again.';
    case 'validation_failed':
      return 'The search or filters are not valid. Change them and try again.';
    default:
      return 'The server could not be reached or had a problem. Try again in a moment.';
  }
}

/** An upload refusal in plain words, using what the page knows (the file, the member's storage) to say which limit. */
export function describeUploadError(error: unknown, file: File | null, storage: StorageUsageDto | null): string {
  if (!(error instanceof ApiError)) return 'The upload failed. Nothing was shared. Try again.';
  switch (error.code) {
    case 'payload_too_large':
      if (file && storage && file.size <= storage.maxUploadBytes) {
        return `This file would take you past your storage quota of ${formatBytes(storage.quotaBytes)}. Remove something you shared, or ask an administrator for more room.`;
      }
      return storage ? `This file is too large: files can be up to ${wholeMegabytes(storage.maxUploadBytes)} MB.` : 'This file is too large, or it would take you past your storage quota.';
    case 'unsupported_media_type':
      return `The library does not accept this file: its contents are not a ${acceptedKindsSentence()} file, or they do not match its name.`;
    case 'malware_detected':
      return 'The malware scanner flagged this file, so it was not shared. If you believe the file is safe, contact a moderator.';
    case 'unavailable':
      return 'Files cannot be checked for malware right now, so nothing was shared. Try again in a few minutes.';
    case 'network':
      return 'The connection dropped before the upload finished. Nothing was shared. Check your connection and try again.';
    case 'validation_failed':
      // Field problems are shown beside their fields; this is for a body the server could not read as a form.
      return 'The upload did not arrive complete. Nothing was shared. Try again.';
    case 'internal':
      return 'The server had a problem. Nothing was shared. Try again.';
    default:
      return describeResourceError(error);
  }
}

const fieldMessages: Record<string, string> = {
  title: `Give the resource a title of ${resourceLimits.title.min} to ${resourceLimits.title.max} characters.`,
  description: `Keep the description under ${resourceLimits.description.max} characters.`,
  url: 'Enter a web address that starts with https://.',
  type: 'Choose what kind of resource this is.',
  visibility: 'Choose who can see it.',
  file: 'Choose one file to share.',
};

/**
 * A `validation_failed` answer as messages per form field (`body.title` → `title`). Tags keep the server's words,
 * which name the limit ("at most 10 tags").
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  const errors: Record<string, string> = {};
  for (const detail of error.details) {
    const field = (detail.path ?? '').replace(/^body\./, '').split('.')[0] || 'file';
    if (errors[field]) continue;
    errors[field] = field === 'tags' ? `Tags: ${detail.message}.` : (fieldMessages[field] ?? detail.message);
  }
  return errors;
}
