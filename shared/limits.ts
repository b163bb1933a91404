/**
 * Lengths and page sizes shared by the server's zod schemas and the client's forms, so both refuse the same input.
 * Lengths count UTF-16 code units, which is what `string.length` and zod's `.min`/`.max` measure.
 */
export const limits = {
  threadTitle: { min: 3, max: 200 },
  postBody: { min: 1, max: 20_000 },
  categoryName: { min: 2, max: 80 },
  categoryDescription: { min: 0, max: 500 },
  /** A mention notifies someone; more than this in one post is noise or abuse. */
  mentionsPerPost: 20,
  /** Handles as `extractMentions` reads them after the `@`. */
  mentionHandle: { min: 1, max: 64 },
  /** Plain-text previews in lists and notifications. */
  excerpt: 200,
} as const;

/** Cursor-paged lists: `limit` defaults to `default` and is clamped to `max`. */
export const pageSize = { default: 20, max: 100 } as const;
