import { z } from 'zod';
import { memberStatuses, roles } from '../dto/member.js';

/** Opaque ids are 24 hex characters (a MongoDB ObjectId); anything else is a 400, never a lookup. */
export const idParam = z.string().regex(/^[a-f0-9]{24}$/i, 'must be a valid id');

export const memberIdParams = z.strictObject({ id: idParam });

export const updateMemberBody = z
  .strictObject({
    status: z.enum(memberStatuses).optional(),
    role: z.enum(roles).optional(),
  })
  .refine((v) => v.status !== undefined || v.role !== undefined, { message: 'status or role is required' });

export type UpdateMemberBody = z.infer<typeof updateMemberBody>;
