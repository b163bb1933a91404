import { z } from 'zod';
import { limits, pageSize } from '../limits.js';
import { categoryVisibilities, reactionKinds } from '../dto/discussion.js';
import { idParam } from './admin.js';

export const discussionIdParams = z.strictObject({ id: idParam });

const title = z.string().trim().min(limits.threadTitle.min).max(limits.threadTitle.max);
const postBody = z
  .string()
  .max(limits.postBody.max)
  .refine((s) => s.trim().length >= limits.postBody.min, { message: 'must not be empty' });

export const listThreadsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(pageSize.max).default(pageSize.default),
  cursor: z.string().min(1).max(200).optional(),
});

const categorySlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and dashes').max(80);

export const createCategoryBody = z
  .strictObject({
    slug: categorySlug,
    name: z.string().trim().min(limits.categoryName.min).max(limits.categoryName.max),
    description: z.string().trim().max(limits.categoryDescription.max).default(''),
    order: z.number().int().min(0).max(100_000).default(0),
    visibility: z.enum(categoryVisibilities),
    taskForceId: idParam.nullable().default(null),
  })
  .refine((c) => (c.visibility === 'private') === (c.taskForceId !== null), {
    message: 'a private category names its task force; an open one names none',
    path: ['taskForceId'],
  });

/** Any of a category's fields; a private category names its task force (checked against the stored one too). */
export const updateCategoryBody = z
  .strictObject({
    slug: categorySlug.optional(),
    name: z.string().trim().min(limits.categoryName.min).max(limits.categoryName.max).optional(),
    description: z.string().trim().max(limits.categoryDescription.max).optional(),
    order: z.number().int().min(0).max(100_000).optional(),
    visibility: z.enum(categoryVisibilities).optional(),
    taskForceId: idParam.nullable().optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'at least one field is required' });

/** Sent as true once the member confirmed a PII warning for this text. */
const acknowledgePii = z.boolean().optional();

/** Files uploaded first through `POST /api/attachments`, by the same member, not yet on any post. */
const attachmentIds = z
  .array(idParam)
  .max(limits.attachmentsPerPost)
  .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, { message: 'must not repeat an attachment' })
  .optional();

export const createThreadBody = z.strictObject({ categoryId: idParam, title, body: postBody, acknowledgePii, attachmentIds });

export const updateThreadBody = z
  .strictObject({ title: title.optional(), pinned: z.boolean().optional(), locked: z.boolean().optional(), categoryId: idParam.optional(), acknowledgePii })
  .refine((t) => [t.title, t.pinned, t.locked, t.categoryId].some((v) => v !== undefined), { message: 'title, pinned, locked or categoryId is required' });

export const createPostBody = z.strictObject({ body: postBody, parentId: idParam.optional(), acknowledgePii, attachmentIds });

export const updatePostBody = z.strictObject({ body: postBody, acknowledgePii });

export const reactionBody = z.strictObject({ reaction: z.enum(reactionKinds) });

/** The composer's preview: the same body rules as a post. */
export const previewBody = z.strictObject({ body: postBody });

export type ListThreadsQuery = z.infer<typeof listThreadsQuery>;
export type CreateCategoryBody = z.infer<typeof createCategoryBody>;
export type UpdateCategoryBody = z.infer<typeof updateCategoryBody>;
export type CreateThreadBody = z.infer<typeof createThreadBody>;
export type UpdateThreadBody = z.infer<typeof updateThreadBody>;
export type CreatePostBody = z.infer<typeof createPostBody>;
export type UpdatePostBody = z.infer<typeof updatePostBody>;
export type ReactionBody = z.infer<typeof reactionBody>;
export type PreviewBody = z.infer<typeof previewBody>;
