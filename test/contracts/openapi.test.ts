import assert from 'node:assert/strict';
import type { Express } from 'express';
import { startTestApp, type TestApp } from '../support/app.js';
import { signInAs } from '../support/saml.js';

interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every method + path the Express app answers, found by walking its router stack. */
function appRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route && typeof layer.route.path === 'string') {
        for (const method of Object.keys(layer.route.methods)) found.push(`${method} ${prefix}${layer.route.path}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix + (typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : ''));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return found;
}

const toOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

describe('the OpenAPI contract', () => {
  let app: TestApp;
  let document: { openapi: string; paths: Record<string, Record<string, { parameters: { name: string; in: string }[] }>> };
  before(async () => {
    app = await startTestApp();
    const agent = app.agent();
    await signInAs(agent, 'member-a');
    document = (await agent.get('/api/openapi.json').expect(200)).body;
  });
  after(() => app.close());

  it('is an OpenAPI 3.1 document', () => {
    assert.equal(document.openapi, '3.1.0');
    assert.ok(Object.keys(document.paths).length > 5);
  });

  it('documents every route the server answers', () => {
    const routes = appRoutes(app.running.built.app);
    assert.ok(routes.length > 5, `walked ${routes.length} routes`);
    const missing = routes.filter((route) => {
      const [method, path] = route.split(' ');
      return !document.paths[toOpenApiPath(path)]?.[method];
    });
    assert.deepEqual(missing, [], `undocumented routes: ${missing.join(', ')}`);
  });

  it('describes path parameters from the validating schemas', () => {
    const patch = document.paths['/api/admin/users/{id}'].patch;
    assert.ok(patch.parameters.some((p) => p.name === 'id' && p.in === 'path'));
  });

  it('is not public', async () => {
    await app.agent().get('/api/openapi.json').expect(401);
  });
});
