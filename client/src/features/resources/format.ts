import type { ResourceType } from '../../../../shared/dto/resource.js';
import { allowedUploadTypes } from '../../../../shared/limits.js';

const KB = 1024;
const MB = 1024 * KB;

/** "940 bytes", "12 KB", "3.4 MB": the server counts a MB as 1024 × 1024 bytes, and so does this. */
export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < MB) return `${Math.round(bytes / KB)} KB`;
  const mb = bytes / MB;
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}

/** Whole megabytes for limits ("up to 25 MB"). */
export const wholeMegabytes = (bytes: number): number => Math.floor(bytes / MB);

export const resourceTypeLabels: Record<ResourceType, string> = {
  document: 'Document',
  template: 'Template',
  protocol: 'Protocol',
  checklist: 'Checklist',
  training: 'Training material',
  case_support: 'Case support',
  link: 'Link',
};

const extensionOfType = new Map<string, string>();
for (const [extension, type] of Object.entries(allowedUploadTypes)) if (!extensionOfType.has(type)) extensionOfType.set(type, extension);

/** A served content type as people know it: "PDF", "DOCX", "JPG"; the raw type when it is not one of ours. */
export function fileKindLabel(contentType: string): string {
  return extensionOfType.get(contentType)?.toUpperCase() ?? contentType;
}

/** Extensions the library accepts, as a sentence: "PDF, DOCX, … or WEBP". */
export function acceptedKindsSentence(): string {
  const kinds = Object.keys(allowedUploadTypes).filter((e) => e !== 'jpeg').map((e) => e.toUpperCase());
  return `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}`;
}

/** The file input's `accept`: a hint for the picker only; the server checks the real bytes. */
export const acceptAttribute = Object.keys(allowedUploadTypes).map((extension) => `.${extension}`).join(',');

/** The host of an external link, for short mentions in lists. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
