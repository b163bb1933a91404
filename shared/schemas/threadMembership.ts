import { z } from 'zod';

/**
 * `POST /api/threads/:id/read`: read up to post number `seq` of the thread or, without it, to
 * its latest post. A `seq` beyond the latest post counts as the latest.
 */
export const markThreadReadBody = z.strictObject({ seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() });

export type MarkThreadReadBody = z.infer<typeof markThreadReadBody>;
