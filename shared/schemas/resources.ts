import { z } from 'zod';
import { disciplines } from '../dto/member.js';
import { resourceSorts, resourceTypes, resourceVisibilities } from '../dto/resource.js';
import { pageSize, resourceLimits } from '../limits.js';
import { idParam } from './admin.js';

export const resourceIdParams = z.strictObject({ id: idParam });

/** Tags arrive as one comma-separated form field; stored lower-case, trimmed, without duplicates. */
const tags = z
  .string()
  .max(resourceLimits.tags.max * (resourceLimits.tags.length + 2))
  .default('')
  .transform((raw) => [...new Set(raw.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))])
  .pipe(z.array(z.string().max(resourceLimits.tags.length, `a tag has at most ${resourceLimits.tags.length} characters`)).max(resourceLimits.tags.max, `at most ${resourceLimits.tags.max} tags`));

const title = z.string().trim().min(resourceLimits.title.min).max(resourceLimits.title.max);
const description = z.string().trim().max(resourceLimits.description.max).default('');

/** An external link: https only, so a `javascript:` or `data:` URL can never be stored. */
export const resourceUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(resourceLimits.url.max);

/**
 * The text fields of `POST /api/resources` (multipart/form-data). Exactly one of the `file` part and `url` is
 * required; the route checks that, since the file is not a text field.
 */
export const createResourceFields = z.strictObject({
  title,
  description,
  tags,
  type: z.enum(resourceTypes),
  visibility: z.enum(resourceVisibilities),
  url: resourceUrl.optional(),
});

/** `POST /api/resources/:id/versions`: only the file part, plus an optional note. */
export const addVersionFields = z.strictObject({});

export const listResourcesQuery = z.strictObject({
  q: z.string().trim().min(2).max(200).optional(),
  tag: z.string().trim().toLowerCase().min(1).max(resourceLimits.tags.length).optional(),
  type: z.enum(resourceTypes).optional(),
  taskForce: idParam.optional(),
  discipline: z.enum(disciplines).optional(),
  sort: z.enum(resourceSorts).default('new'),
  limit: z.coerce.number().int().min(1).max(pageSize.max).default(pageSize.default),
  cursor: z.string().min(1).max(200).optional(),
});

export const downloadQuery = z.strictObject({
  version: z.coerce.number().int().min(1).max(100_000).optional(),
});

export type CreateResourceFields = z.infer<typeof createResourceFields>;
export type ListResourcesQuery = z.infer<typeof listResourcesQuery>;
export type DownloadQuery = z.infer<typeof downloadQuery>;
