import { z } from 'zod';
import { pageSize } from '../limits.js';
import { idParam } from './admin.js';

/** A page of notifications; `unread=true` keeps only unread ones. */
export const listNotificationsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(pageSize.max).default(pageSize.default),
  cursor: idParam.optional(),
  unread: z.enum(['true', 'false']).optional(),
});

/** Marks some of the member's notifications read, or all of them. */
export const markNotificationsReadBody = z.union([
  z.strictObject({ ids: z.array(idParam).min(1).max(pageSize.max) }),
  z.strictObject({ all: z.literal(true) }),
]);

export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;
export type MarkNotificationsReadBody = z.infer<typeof markNotificationsReadBody>;
