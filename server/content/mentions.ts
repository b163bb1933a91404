import type { Token } from 'markdown-it';
import { limits } from '../../shared/limits.js';
import { markdown } from './markdown.js';

// After start of text or a character that cannot be part of an email's local part, so "ana@example.org" is not one.
const mentionPattern = /(?<![\p{L}\p{N}_.+\-@])@([\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?)/gu;

/**
 * The distinct `@handle` tokens of a body, in order of first appearance, lower-cased. Code spans, code blocks and
 * link text are skipped: `@Injectable` in a snippet mentions no one. How a handle maps to a member is the caller's.
 */
export function extractMentions(body: string): string[] {
  const handles = new Set<string>();
  for (const text of mentionableTexts(markdown.parse(body, {}))) {
    for (const match of text.matchAll(mentionPattern)) {
      const handle = match[1].toLowerCase();
      if (handle.length <= limits.mentionHandle.max) handles.add(handle);
      if (handles.size >= limits.mentionsPerPost) return [...handles];
    }
  }
  return [...handles];
}

/** Runs of plain text outside code and links; adjacent text tokens are joined so a handle is never split. */
function* mentionableTexts(blockTokens: Token[]): Generator<string> {
  for (const block of blockTokens) {
    if (block.type !== 'inline' || !block.children) continue;
    let run = '';
    let linkDepth = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') linkDepth += 1;
      if (token.type === 'link_close') linkDepth -= 1;
      if (token.type === 'text' && linkDepth === 0) {
        run += token.content;
        continue;
      }
      if (run) yield run;
      run = '';
    }
    if (run) yield run;
  }
}
