import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exited, listening, spawnServer } from '../support/serverProcess.js';

const startMain = (env: Record<string, string>): ChildProcess => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tfc-main-'));
  const child = spawnServer({ DATA_DIR: dataDir, ...env });
  child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  return child;
};

describe('the server process', function () {
  this.timeout(60_000);

  it('starts with no configuration at all and drains and exits 0 on SIGTERM', async () => {
    const child = startMain({});
    const url = await listening(child);
    const health = await fetch(`${url.replace('localhost', '127.0.0.1')}/healthz`);
    assert.equal(health.status, 200);
    const started = Date.now();
    child.kill('SIGTERM');
    assert.equal(await exited(child), 0);
    assert.ok(Date.now() - started < 10_000, 'exits within 10 s');
  });

  it('refuses to start in production without its settings, naming each, and exits 1', async () => {
    const child = startMain({ NODE_ENV: 'production', DEV_IDP: 'on' });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    assert.equal(await exited(child), 1);
    for (const name of ['MONGODB_URI', 'REDIS_URL', 'SESSION_SECRET', 'SAML_IDP_CERT', 'PUBLIC_URL', 'DEV_IDP']) assert.match(stderr, new RegExp(name));
  });
});
