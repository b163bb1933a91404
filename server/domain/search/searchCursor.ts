import { z } from 'zod';
import { validationFailed } from '../../errors.js';

/**
 * Search pages by offset into the ranked results: a ranking has no stable key to resume after. Offsets are bounded
 * so a deep page cannot make the server rank ever more documents; past the bound there is no next page.
 */
export const maxSearchOffset = 500;

const offsetShape = z.strictObject({ o: z.number().int().min(1).max(maxSearchOffset) });

export const encodeSearchCursor = (offset: number): string => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');

export function decodeSearchCursor(cursor: string): number {
  try {
    return offsetShape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).o;
  } catch {
    throw validationFailed([{ path: 'query.cursor', message: 'is not a cursor this server issued' }]);
  }
}
