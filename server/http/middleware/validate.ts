import type { Request, RequestHandler } from 'express';
import type { z } from 'zod';
import { validationFailed } from '../../errors.js';

interface Schemas {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

type Parsed<S extends Schemas> = { [K in keyof S]: S[K] extends z.ZodType ? z.infer<S[K]> : never };

const VALID = Symbol('validated input');

/** Parses body, query and params with the endpoint's zod schemas; the handler reads only the parsed values. */
export function validate<S extends Schemas>(schemas: S): RequestHandler {
  return (req, _res, next) => {
    const parsed: Record<string, unknown> = {};
    const details: { path: string; message: string }[] = [];
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const result = schema.safeParse(req[part] ?? {});
      if (result.success) parsed[part] = result.data;
      else for (const issue of result.error.issues) details.push({ path: [part, ...issue.path.map(String)].join('.'), message: issue.message });
    }
    if (details.length) return next(validationFailed(details));
    (req as unknown as Record<symbol, unknown>)[VALID] = parsed;
    next();
  };
}

/** The values `validate(schemas)` parsed for this request. */
export function input<S extends Schemas>(req: Request, _schemas: S): Parsed<S> {
  return (req as unknown as Record<symbol, Parsed<S>>)[VALID];
}
