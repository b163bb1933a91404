import { CommandError } from '../errors.js';
import { describeTextIndex, textIndexSpecFrom, TextPostings, TextSearchError, type TextIndexSpec } from '../text/index.js';
import type { IndexSpec } from './indexSpec.js';
import type { Doc } from './values.js';

export function textError(error: unknown): unknown {
  if (error instanceof TextSearchError) {
    const names: Record<number, string> = { 2: 'BadValue', 67: 'CannotCreateIndex', 17261: 'Location17261', 17262: 'Location17262' };
    return new CommandError(error.code, names[error.code] ?? 'TextSearchError', error.message);
  }
  return error;
}

/** A text index: its listed spec, the parsed text spec and the postings kept in step with the documents. */
export class TextIndex {
  readonly spec: IndexSpec;
  readonly text: TextIndexSpec;
  readonly postings: TextPostings<string>;

  constructor(raw: IndexSpec) {
    try {
      this.text = textIndexSpecFrom(raw.key, { weights: raw.weights, default_language: raw.default_language, language_override: raw.language_override });
    } catch (error) {
      throw textError(error);
    }
    const { key: _key, weights: _weights, ...options } = raw;
    this.spec = { ...options, ...describeTextIndex(this.text), v: 2, name: raw.name } as IndexSpec;
    this.postings = new TextPostings<string>(this.text);
  }

  get name() {
    return this.spec.name;
  }

  add(id: string, doc: Doc): void {
    try {
      this.postings.add(id, doc);
    } catch (error) {
      throw textError(error);
    }
  }

  remove(id: string, doc: Doc): void {
    this.postings.remove(id, doc);
  }
}
