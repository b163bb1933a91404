import { z } from 'zod';
import { searchFilters } from '../dto/search.js';

/** Search words after trimming: a single letter matches too much to be useful, and long input is noise or abuse. */
export const searchQueryLength = { min: 2, max: 200 } as const;
export const searchPageSize = { default: 20, max: 50 } as const;

export const searchQuery = z.strictObject({
  q: z.string().trim().min(searchQueryLength.min).max(searchQueryLength.max),
  /** One kind of result, or `discussion` for threads and posts; all kinds when absent. */
  kind: z.enum(searchFilters).optional(),
  limit: z.coerce.number().int().min(1).max(searchPageSize.max).default(searchPageSize.default),
  cursor: z.string().min(1).max(100).optional(),
});

export type SearchQuery = z.infer<typeof searchQuery>;
