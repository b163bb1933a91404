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
  /** Files one post may carry. */
  attachmentsPerPost: 5,
  /** Plain-text previews in lists and notifications. */
  excerpt: 200,
} as const;

/** Cursor-paged lists: `limit` defaults to `default` and is clamped to `max`. */
export const pageSize = { default: 20, max: 100 } as const;

/**
 * The only files members may upload: extension → the type the bytes must prove (checked by magic bytes on the
 * server) and the type served on download. Anything else — HTML, SVG, XML, scripts, executables, archives — is
 * refused with 415.
 */
export const allowedUploadTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  txt: 'text/plain',
  csv: 'text/csv',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
} as const;
export type UploadExtension = keyof typeof allowedUploadTypes;

export const resourceLimits = {
  title: { min: 3, max: 200 },
  description: { max: 2_000 },
  tags: { max: 10, length: 40 },
  fileName: { max: 180 },
  url: { max: 2_000 },
} as const;
