import sanitizeHtml from 'sanitize-html';
import { limits } from '../../shared/limits.js';
import { sanitizeOptions } from './allowlist.js';
import { markdown } from './markdown.js';

/**
 * Markdown source -> the HTML stored as `bodyHtml`. markdown-it escapes raw HTML and refuses unsafe links; the
 * sanitizer then enforces the allowlist anyway, so a markdown-it bug or plugin cannot widen what reaches readers.
 */
export function renderMarkdown(body: string): string {
  return sanitizeHtml(markdown.render(body), sanitizeOptions);
}

/** Plain text of a body for previews: no markup, whitespace collapsed, cut at a word boundary with an ellipsis. */
export function excerpt(body: string, maxLength: number = limits.excerpt): string {
  const text = sanitizeHtml(markdown.render(body), { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style'] });
  const plain = decodeBasicEntities(text).replace(/\s+/g, ' ').trim();
  if (plain.length <= maxLength) return plain;
  const cut = plain.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

// sanitize-html re-escapes text; previews are plain text and the client escapes them again when it renders.
function decodeBasicEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}
