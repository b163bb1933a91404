/** A piece of text, marked when it matches one of the searched words. */
export interface TextPart {
  text: string;
  match: boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The searched words as prefixes to look for: quoted phrases and words, negated ones (`-word`) left out. The server
 * stems ("interviews" finds "interview"), so a plural's ending is dropped and any word starting with the rest counts.
 */
export function highlightTerms(q: string): string[] {
  const terms: string[] = [];
  const rest = q.replace(/(-?)"([^"]*)"/g, (_, minus: string, phrase: string) => {
    if (!minus && phrase.trim()) terms.push(phrase.trim());
    return ' ';
  });
  for (const word of rest.split(/\s+/)) {
    if (!word || word.startsWith('-')) continue;
    for (const piece of word.match(/[\p{L}\p{N}]+/gu) ?? []) terms.push(piece.length > 4 ? piece.replace(/(es|s)$/i, '') : piece);
  }
  return [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
}

/** Splits plain text into matching and other parts; the caller renders each as text, so nothing is ever parsed as HTML. */
export function splitByTerms(text: string, terms: string[]): TextPart[] {
  if (!terms.length || !text) return text ? [{ text, match: false }] : [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join('|')})[\\p{L}\\p{N}]*`, 'giu');
  const parts: TextPart[] = [];
  let last = 0;
  for (const found of text.matchAll(pattern)) {
    if (!found[0]) continue;
    if (found.index > last) parts.push({ text: text.slice(last, found.index), match: false });
    parts.push({ text: found[0], match: true });
    last = found.index + found[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
