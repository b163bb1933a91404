import { TextErrorCode, TextSearchError } from './errors.js';

/**
 * The languages the embedded store can tokenize. MongoDB knows fifteen; these two cover the forum,
 * and any other name is refused with an error that names it instead of being indexed wrongly.
 */
export type TextLanguage = 'english' | 'none';

// MongoDB accepts the ISO 639-1 code as an alias and matches names case-insensitively (fts_language.cpp).
const languageAliases: Record<string, TextLanguage> = { english: 'english', en: 'english', none: 'none' };

/** The supported language for `name`, or undefined when the embedded store cannot index it. */
export function lookUpLanguage(name: string): TextLanguage | undefined {
  return Object.hasOwn(languageAliases, name.toLowerCase()) ? languageAliases[name.toLowerCase()] : undefined;
}

/** Like lookUpLanguage, but throws a TextSearchError with `code` naming the unsupported language. */
export function requireLanguage(name: string, code: number = TextErrorCode.BadValue): TextLanguage {
  const language = lookUpLanguage(name);
  if (!language) {
    throw new TextSearchError(
      code,
      `unsupported language: "${name}" for text index version 3 (the embedded store supports english and none)`,
    );
  }
  return language;
}
