/** MongoDB error codes the text module raises; the engine copies `code` into its error reply. */
export const TextErrorCode = {
  BadValue: 2,
  CannotCreateIndex: 67,
  LanguageOverrideNotString: 17261,
  LanguageOverrideUnsupported: 17262,
} as const;

/** An invalid text index, `$text` query or indexed document, shaped so the engine can answer like MongoDB. */
export class TextSearchError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'TextSearchError';
  }
}
