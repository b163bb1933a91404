import { Types } from 'mongoose';
import { z } from 'zod';
import { cursorCodec } from '../cursorCodec.js';

/** Where a page ended: by id (newest), by download count then id (popular), or by offset (text search ranking). */
const cursorShape = z.union([
  z.strictObject({ id: z.string().regex(/^[a-f0-9]{24}$/) }),
  z.strictObject({ c: z.number().int().nonnegative(), id: z.string().regex(/^[a-f0-9]{24}$/) }),
  z.strictObject({ o: z.number().int().min(1).max(1_000) }),
]);
export type ResourceCursor = z.infer<typeof cursorShape>;

const codec = cursorCodec(cursorShape);

export const encodeResourceCursor = (position: ResourceCursor): string => codec.encode(position);
export const decodeResourceCursor = (cursor: string): ResourceCursor => codec.decode(cursor);

/** The filter for resources after a keyset cursor; offsets are applied with skip by the caller. */
export function afterResourceCursor(position: ResourceCursor) {
  if ('o' in position) return {};
  const id = new Types.ObjectId(position.id);
  if ('c' in position) return { $or: [{ downloadCount: position.c, _id: { $lt: id } }, { downloadCount: { $lt: position.c } }] };
  return { _id: { $lt: id } };
}
