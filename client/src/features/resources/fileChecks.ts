import type { StorageUsageDto } from '../../../../shared/dto/resource.js';
import { allowedUploadTypes } from '../../../../shared/limits.js';
import { acceptedKindsSentence, formatBytes, wholeMegabytes } from './format.js';

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
};

/**
 * Quick checks before any byte is sent, so a member learns at once that a file will not go. The server decides for
 * real (it reads the bytes, and its limits may differ from what this page loaded); these only save a wasted upload.
 */
export function precheckFile(file: File, storage: StorageUsageDto | null): string | null {
  if (!Object.hasOwn(allowedUploadTypes, extensionOf(file.name))) {
    return `“${file.name}” is not a type the library accepts. Share a ${acceptedKindsSentence()} file.`;
  }
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (!storage) return null;
  if (file.size > storage.maxUploadBytes) {
    return `“${file.name}” is ${formatBytes(file.size)}; files can be up to ${wholeMegabytes(storage.maxUploadBytes)} MB.`;
  }
  const left = Math.max(0, storage.quotaBytes - storage.usedBytes);
  if (file.size > left) return `“${file.name}” is ${formatBytes(file.size)}, but you have ${formatBytes(left)} of storage left.`;
  return null;
}
