import { Types } from 'mongoose';
import { z } from 'zod';
import type { ThreadDoc } from '../../db/models/Thread.js';
import { validationFailed } from '../../errors.js';

/** Where a page of a category's threads ended, in the list's order: pinned, last activity, id (all descending). */
const cursorShape = z.strictObject({ p: z.boolean(), t: z.number().int().nonnegative(), id: z.string().regex(/^[a-f0-9]{24}$/) });
type CursorPosition = z.infer<typeof cursorShape>;

export const encodeThreadCursor = (thread: ThreadDoc): string =>
  Buffer.from(JSON.stringify({ p: thread.pinned, t: thread.lastActivityAt.getTime(), id: thread.id as string })).toString('base64url');

export function decodeThreadCursor(cursor: string): CursorPosition {
  try {
    return cursorShape.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw validationFailed([{ path: 'query.cursor', message: 'is not a cursor this server issued' }]);
  }
}

/** The filter for threads that come after the cursor in the list's order. */
export function afterCursor(position: CursorPosition) {
  const at = new Date(position.t);
  const id = new Types.ObjectId(position.id);
  const later = [
    { pinned: position.p, lastActivityAt: at, _id: { $lt: id } },
    { pinned: position.p, lastActivityAt: { $lt: at } },
  ];
  // Unpinned threads follow pinned ones; after an unpinned cursor no pinned thread remains.
  return { $or: position.p ? [...later, { pinned: false }] : later };
}
