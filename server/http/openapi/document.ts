import { z } from 'zod';
import { errorStatus } from '../../../shared/errors.js';
import type { RouteSpec } from './types.js';

const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

function parameters(spec: RouteSpec) {
  const list: object[] = [];
  for (const [where, schema] of [['path', spec.params], ['query', spec.query]] as const) {
    if (!schema) continue;
    const { properties = {}, required = [] } = jsonSchema(schema) as { properties?: Record<string, object>; required?: string[] };
    for (const [name, property] of Object.entries(properties)) list.push({ name, in: where, required: where === 'path' || required.includes(name), schema: property });
  }
  return list;
}

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: { code: { enum: Object.keys(errorStatus) }, message: { type: 'string' }, details: { type: 'array', items: { type: 'object' } } },
    },
  },
};

/** The OpenAPI 3.1 document, built from the same zod schemas that validate requests. */
export function buildOpenApiDocument(specs: RouteSpec[], serverUrl: string) {
  const paths: Record<string, Record<string, object>> = {};
  for (const spec of specs) {
    const operation = {
      summary: spec.summary,
      tags: [spec.tag],
      description: `Access: ${spec.access}.`,
      parameters: parameters(spec),
      ...(spec.body ? { requestBody: { required: true, content: { [spec.bodyType ?? 'application/json']: { schema: jsonSchema(spec.body) } } } } : {}),
      responses: Object.fromEntries(
        Object.entries(spec.responses).map(([status, description]) => [
          status,
          Number(status) >= 400 ? { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } : { description },
        ]),
      ),
    };
    (paths[toOpenApiPath(spec.path)] ??= {})[spec.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Task Force Connect API', version: '1' },
    servers: [{ url: serverUrl }],
    paths,
    components: { schemas: { Error: errorBody } },
  };
}
