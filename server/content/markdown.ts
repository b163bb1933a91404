import MarkdownIt from 'markdown-it';
import { allowedLinkSchemes } from './allowlist.js';

/**
 * The markdown-it instance shared by rendering and mention extraction, so both read a body the same way.
 * Raw HTML is off: `<b>` in a post is shown as text. Only https and mailto targets become links; anything else
 * (http, relative, javascript:, data:) stays visible as text, which is the first of two link checks.
 */
export const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

// Fuzzy "www.example.org" would become an http:// link; members write the scheme when they mean a link.
markdown.linkify.set({ fuzzyLink: false, fuzzyIP: false });

// Images are never loaded from elsewhere; `![alt](https://…)` falls back to "!" followed by a link.
markdown.disable('image');

const schemePattern = new RegExp(`^(?:${allowedLinkSchemes.join('|')}):`, 'i');

markdown.validateLink = (url: string): boolean => schemePattern.test(url.trim());
