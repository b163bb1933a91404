import { mentions, plainSnippetOf, type SearchTerms } from './snippet.js';

// Extracted file text can be long; a snippet only needs to find an early match, and stemming every word of a whole
// book on each search would be slow.
const scannedFileText = 20_000;

/**
 * The description around the first match, else the file's extracted text around its first match, else the start
 * of the description (the match was in the title or tags, which the hit shows already).
 */
export function resourceSnippetOf(description: string, extractedText: string, terms: SearchTerms): string {
  if (mentions(description, terms)) return plainSnippetOf(description, terms);
  const fileText = extractedText.slice(0, scannedFileText);
  if (mentions(fileText, terms)) return plainSnippetOf(fileText, terms);
  return plainSnippetOf(description, terms);
}
