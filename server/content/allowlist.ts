import type { IOptions, Tag, Transformer } from 'sanitize-html';

/**
 * THE one sanitize-html allowlist for member-written content (STYLE.md rule 14). Everything markdown-it can emit
 * with `html: false` that we want to keep is listed here; anything else is dropped with its text kept.
 * No images (no remote fetches that leak readers' IPs), no style or class (no CSS tricks), no forms, frames or SVG.
 */
const allowedTags = [
  'p', 'br', 'hr', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'a',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

export const allowedLinkSchemes = ['https', 'mailto'] as const;

/** Rel on every link: no window.opener, no SEO credit for member-posted links, marked as user-generated. */
export const linkRel = 'noopener nofollow ugc';

/** A tag name that is not allowed, so sanitize-html discards the element and keeps its text. */
const DROPPED_TAG = 'dropped-link';

function isAllowedHref(href: string | undefined): href is string {
  // Matched on the raw attribute: markdown-it already percent-encodes, so a real https/mailto link starts exactly so.
  return href !== undefined && /^(?:https:\/\/[^/\\\s]|mailto:[^\s])/i.test(href);
}

const transformLink: Transformer = (_tagName, attribs): Tag => {
  if (!isAllowedHref(attribs.href)) return { tagName: DROPPED_TAG, attribs: {} };
  return { tagName: 'a', attribs: { href: attribs.href, rel: linkRel } };
};

// Headings start at h2: the page's own heading is the thread title.
const demoteH1: Transformer = (_tagName, attribs) => ({ tagName: 'h2', attribs });

export const sanitizeOptions: IOptions = {
  allowedTags,
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: [...allowedLinkSchemes],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedClasses: {},
  allowedStyles: {},
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  // Their content is code or markup, never readable text, so it goes with the tag.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'template', 'svg', 'math', 'object'],
  transformTags: { a: transformLink, h1: demoteH1 },
  enforceHtmlBoundary: false,
  parseStyleAttributes: false,
};
