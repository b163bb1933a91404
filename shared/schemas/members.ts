import { z } from 'zod';
import { limits } from '../limits.js';

export const memberLookupLimit = { default: 8, max: 20 } as const;

/** Mention autocomplete: a prefix of a handle, given name or surname (a leading `@` is ignored). */
export const memberLookupQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .max(limits.mentionHandle.max + 1)
    .transform((q) => q.replace(/^@/, ''))
    .default(''),
  limit: z.coerce.number().int().min(1).max(memberLookupLimit.max).default(memberLookupLimit.default),
});

export type MemberLookupQuery = z.infer<typeof memberLookupQuery>;
