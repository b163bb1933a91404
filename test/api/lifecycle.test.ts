import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const startMain = (env: Record<string, string>): ChildProcess => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tfc-main-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', PORT: '0', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  return child;
};

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

/** Resolves with the URL from the "listening" log line. */
const listening = (child: ChildProcess) =>
  new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)".*is listening/.exec(buffered);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${buffered}`)));
  });

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
