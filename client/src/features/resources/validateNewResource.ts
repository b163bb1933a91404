import { resourceLimits } from '../../../../shared/limits.js';
import type { StorageUsageDto } from '../../../../shared/dto/resource.js';
import { precheckFile } from './fileChecks.js';

export interface NewResourceDraft {
  title: string;
  description: string;
  tags: string;
  source: 'file' | 'link';
  file: File | null;
  url: string;
}

const splitTags = (raw: string) => [...new Set(raw.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))];

/** https only, with a real host name: the same rule as the server's `resourceUrl`, said in plain words. */
function isHttpsLink(raw: string): boolean {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname);
  } catch {
    return false;
  }
}

/** The checks the server makes on the text fields, run first so most mistakes never cost an upload. */
export function validateNewResource(draft: NewResourceDraft, storage: StorageUsageDto | null): Record<string, string> {
  const errors: Record<string, string> = {};
  const title = draft.title.trim();
  if (title.length < resourceLimits.title.min || title.length > resourceLimits.title.max) {
    errors.title = `Give the resource a title of ${resourceLimits.title.min} to ${resourceLimits.title.max} characters.`;
  }
  if (draft.description.trim().length > resourceLimits.description.max) {
    errors.description = `Keep the description under ${resourceLimits.description.max} characters.`;
  }
  const tags = splitTags(draft.tags);
  if (tags.length > resourceLimits.tags.max) errors.tags = `Use at most ${resourceLimits.tags.max} tags.`;
  else if (tags.some((t) => t.length > resourceLimits.tags.length)) errors.tags = `Each tag can be at most ${resourceLimits.tags.length} characters.`;
  if (draft.source === 'file') {
    const problem = draft.file ? precheckFile(draft.file, storage) : 'Choose a file to share.';
    if (problem) errors.file = problem;
  } else if (!isHttpsLink(draft.url) || draft.url.trim().length > resourceLimits.url.max) {
    errors.url = 'Enter a web address that starts with https://, such as https://www.example.org/guide.';
  }
  return errors;
}
