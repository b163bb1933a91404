import { Types } from 'mongoose';
import { z } from 'zod';
import type { ThreadDoc } from '../../db/models/Thread.js';
import { cursorCodec } from '../cursorCodec.js';

/** Where a page of a category's threads ended, in the list's order: pinned, last activity, id (all descending). */
const cursorShape = z.strictObject({ p: z.boolean(), t: z.number().int().nonnegative(), id: z.string().regex(/^[a-f0-9]{24}$/) });
type CursorPosition = z.infer<typeof cursorShape>;
const codec = cursorCodec(cursorShape);

export const encodeThreadCursor = (thread: ThreadDoc): string => codec.encode({ p: thread.pinned, t: thread.lastActivityAt.getTime(), id: thread.id as string });
export const decodeThreadCursor = (cursor: string): CursorPosition => codec.decode(cursor);

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
