import { plainNumbers } from './numbers.js';
import type { Doc } from './values.js';
import { badValue } from '../errors.js';

/** An index as listIndexes reports it. */
export interface IndexSpec {
  v: number;
  key: Record<string, number | string>;
  name: string;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Doc;
  expireAfterSeconds?: number;
  weights?: Doc;
  default_language?: string;
  language_override?: string;
  textIndexVersion?: number;
  [option: string]: unknown;
}

export function defaultIndexName(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([field, direction]) => `${field}_${direction}`)
    .join('_');
}

export function isTextKey(key: Record<string, unknown>): boolean {
  return Object.values(key).some((direction) => direction === 'text');
}

/** Validates a createIndexes entry and fills in defaults. */
export function normalizeIndexSpec(received: Doc): IndexSpec {
  // Directions and expireAfterSeconds may arrive as Double or Long wrappers; the spec holds plain numbers.
  const raw: Doc = { ...received, key: plainNumbers(received.key) };
  if (received.expireAfterSeconds !== undefined) raw.expireAfterSeconds = plainNumbers(received.expireAfterSeconds);
  const key = raw.key as Record<string, number | string> | undefined;
  if (!key || typeof key !== 'object' || Object.keys(key).length === 0) throw badValue('index key pattern must be a non-empty object');
  for (const [field, direction] of Object.entries(key)) {
    const valid = direction === 1 || direction === -1 || direction === 'text' || (typeof direction === 'number' && direction !== 0);
    if (!valid) throw badValue(`index type ${JSON.stringify(direction)} on field '${field}' is not supported by the embedded store`);
  }
  const spec: IndexSpec = { ...raw, v: 2, key, name: typeof raw.name === 'string' ? raw.name : defaultIndexName(key) };
  for (const option of ['background', 'ns'] as const) delete spec[option];
  return spec;
}
