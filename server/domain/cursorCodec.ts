import type { z } from 'zod';
import { validationFailed } from '../errors.js';

/**
 * Opaque list cursors: a position as base64url JSON, checked against its zod shape on the way back in, so a cursor
 * this server did not issue (or one edited by hand) is a 400, never a query.
 */
export function cursorCodec<S extends z.ZodType>(shape: S): { encode(position: z.infer<S>): string; decode(cursor: string): z.infer<S> } {
  return {
    encode: (position) => Buffer.from(JSON.stringify(position)).toString('base64url'),
    decode(cursor) {
      try {
        return shape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
      } catch {
        throw validationFailed([{ path: 'query.cursor', message: 'is not a cursor this server issued' }]);
      }
    },
  };
}
