import { renderMarkdown } from '../../content/render.js';
import { detectPii } from '../../../shared/pii/detectPii.js';
import type { PreviewResponse } from '../../../shared/dto/discussion.js';
import type { PreviewBody } from '../../../shared/schemas/discussions.js';

/**
 * What a post would look like and what the PII guard would say, without storing anything: the same render and
 * sanitize pipeline and the same detector as a real post, so the preview never promises what the post will not be.
 */
export function previewContent(input: PreviewBody): PreviewResponse {
  return { bodyHtml: renderMarkdown(input.body), pii: detectPii(input.body) };
}
