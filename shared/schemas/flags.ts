import { z } from 'zod';
import { flagNoteMaxLength, flagReasons, flagStatuses } from '../dto/flag.js';
import { pageSize } from '../limits.js';

export const createFlagBody = z
  .strictObject({
    reason: z.enum(flagReasons),
    note: z.string().trim().max(flagNoteMaxLength).optional(),
  })
  .refine((f) => f.reason !== 'other' || Boolean(f.note), { message: 'say what is wrong when the reason is other', path: ['note'] });

export const listFlagsQuery = z.strictObject({
  status: z.enum(flagStatuses).default('open'),
  limit: z.coerce.number().int().min(1).max(pageSize.max).default(pageSize.default),
  cursor: z.string().min(1).max(100).optional(),
});

export type CreateFlagBody = z.infer<typeof createFlagBody>;
export type ListFlagsQuery = z.infer<typeof listFlagsQuery>;
