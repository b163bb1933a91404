import type { PiiKind, PiiMatch } from './types.js';

/**
 * Every match of `pattern` in `text` as a span of `kind`. When the pattern has a named group `pii`, the span is that
 * group only, so a cue such as "DOB" or "case #" guides the match without being highlighted itself.
 * `keep` lets a detector veto a match with logic a regular expression cannot express (a checksum, a known number).
 */
export function spansOf(
  text: string,
  pattern: RegExp,
  kind: PiiKind,
  keep: (matched: string, match: RegExpExecArray) => boolean = () => true,
): PiiMatch[] {
  const flags = new Set(pattern.flags);
  flags.add('g');
  flags.add('d');
  const global = new RegExp(pattern.source, [...flags].join(''));
  const spans: PiiMatch[] = [];
  for (const match of text.matchAll(global)) {
    const [start, end] = match.indices?.groups?.pii ?? match.indices?.[0] ?? [0, 0];
    if (end > start && keep(text.slice(start, end), match)) spans.push({ kind, start, end });
  }
  return spans;
}
