import { z } from 'zod';
import { cursorCodec } from '../cursorCodec.js';

/**
 * Search pages by offset into the ranked results: a ranking has no stable key to resume after. Offsets are bounded
 * so a deep page cannot make the server rank ever more documents; past the bound there is no next page.
 */
export const maxSearchOffset = 500;

const codec = cursorCodec(z.strictObject({ o: z.number().int().min(1).max(maxSearchOffset) }));

export const encodeSearchCursor = (offset: number): string => codec.encode({ o: offset });
export const decodeSearchCursor = (cursor: string): number => codec.decode(cursor).o;
