import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { securityHeaders } from '../../server/http/middleware/securityHeaders.js';

// Built once per run by test/support/globalSetup.ts when missing.
const distDir = path.resolve(import.meta.dirname, '../../client/dist');

export interface StaticClient {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Serves the built client the way the app server does (static assets, index.html for every other GET) under the
 * server's real security headers, without a database or IdP, so client behaviour can be tested with a mocked API.
 * API and auth paths answer 404 here: tests fulfil them with page.route.
 */
export async function serveBuiltClient(): Promise<StaticClient> {
  const app = express();
  app.use(securityHeaders(false));
  app.use(express.static(distDir, { index: false }));
  app.use(['/api', '/auth'], (_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'Not mocked.', details: [] } });
  });
  app.get('/{*path}', (_req, res) => res.sendFile(path.join(distDir, 'index.html')));

  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
