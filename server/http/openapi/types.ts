import type { z } from 'zod';

/** One documented route. Request parts reference the same zod schemas that `validate()` enforces. */
export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The Express path, e.g. `/api/admin/users/:id`. */
  path: string;
  summary: string;
  tag: string;
  /** Who may call it: `public`, a signed-in `member`, or a given role. */
  access: 'public' | 'member' | 'coordinator or admin' | 'admin' | 'development only';
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  bodyType?: 'application/json' | 'application/x-www-form-urlencoded' | 'multipart/form-data';
  responses: Record<number, string>;
}
