// Thread read: autocannon (its own process) against `GET /api/threads/:id` as a signed-in member, and against a
// bare Express 5 + helmet + session route answering a body of the same size, alternated in the same run.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BenchResult } from '../run.js';
import { freePort } from '../../test/support/ports.js';
import { cpuSeconds, startTsProcess, waitUntilServing } from './processes.js';
import type { SignedIn } from './seed.js';
import { REDIS_URL, type Stack } from './stack.js';
import { median, round } from './stats.js';

const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 10);
const RUNS = Math.max(2, Number(process.env.BENCH_READ_RUNS ?? 2));
const WARMUP_SECONDS = 3;
const autocannonCli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

interface Load {
  requestsPerSecond: number;
  p99: number;
  p50: number;
  failures: number;
}

/** One autocannon run in a child process; `--json` prints the summary. */
function autocannon(url: string, cookie: string, seconds: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [autocannonCli, '-c', String(CONNECTIONS), '-d', String(seconds), '-j', '-H', `cookie=${cookie}`, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err.slice(-1000)}`));
      const summary = JSON.parse(out.trim().split('\n').pop()!) as {
        requests: { average: number };
        latency: { p99: number; p50: number };
        non2xx: number;
        errors: number;
        timeouts: number;
      };
      resolve({ requestsPerSecond: summary.requests.average, p99: summary.latency.p99, p50: summary.latency.p50, failures: summary.non2xx + summary.errors + summary.timeouts });
    });
  });
}

export async function threadRead(stack: Stack, reader: SignedIn, threadId: string): Promise<BenchResult[]> {
  const appUrl = `${stack.url}/api/threads/${threadId}`;
  const detail = await reader.agent.get(`/api/threads/${threadId}`).expect(200);
  const bodyFile = path.join(stack.workDir, 'thread.json');
  await writeFile(bodyFile, detail.text);
  const bodyBytes = Buffer.byteLength(detail.text);

  const port = await freePort();
  const bare = startTsProcess({
    name: 'bare-http',
    script: 'bench/discussions/bareHttp.ts',
    logDir: stack.workDir,
    env: { PORT: String(port), REDIS_URL, REDIS_PREFIX: `${stack.redisPrefix}bare:sess:`, SESSION_SECRET: stack.sessionSecret, BODY_FILE: bodyFile },
  });
  try {
    const bareBase = `http://127.0.0.1:${port}`;
    await waitUntilServing(bare, `${bareBase}/healthz`);
    const login = await fetch(`${bareBase}/login`);
    const bareCookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0];
    const bareUrl = `${bareBase}/api/thread`;
    const check = await fetch(bareUrl, { headers: { cookie: bareCookie } });
    if (check.status !== 200 || Math.abs(Buffer.byteLength(await check.text()) - bodyBytes) > 16) throw new Error('the bare route does not answer the same body');

    await autocannon(appUrl, reader.cookie, WARMUP_SECONDS);
    await autocannon(bareUrl, bareCookie, WARMUP_SECONDS);
    const app: Load[] = [];
    const base: Load[] = [];
    const cpu = { app: 0, store: 0 };
    for (let run = 0; run < RUNS; run++) {
      const [appCpu, storeCpu] = [await cpuSeconds(stack.app.child.pid!), await cpuSeconds(stack.store.child.pid!)];
      app.push(await autocannon(appUrl, reader.cookie, SECONDS));
      cpu.app += (await cpuSeconds(stack.app.child.pid!)) - appCpu;
      cpu.store += (await cpuSeconds(stack.store.child.pid!)) - storeCpu;
      base.push(await autocannon(bareUrl, bareCookie, SECONDS));
      console.log(`  thread read run ${run + 1}: app ${Math.round(app[run].requestsPerSecond)} req/s p99 ${app[run].p99} ms; bare ${Math.round(base[run].requestsPerSecond)} req/s p99 ${base[run].p99} ms`);
    }
    // Where the time goes: CPU seconds per second of load, of the app and of the store it queries.
    console.log(`  during the app runs: app process ${(cpu.app / (RUNS * SECONDS)).toFixed(2)} CPU, store process ${(cpu.store / (RUNS * SECONDS)).toFixed(2)} CPU`);
    const failures = [...app, ...base].reduce((sum, l) => sum + l.failures, 0);
    if (failures) throw new Error(`${failures} failed requests (non-2xx, errors or timeouts) during the thread read runs`);

    const appRps = median(app.map((l) => l.requestsPerSecond));
    const bareRps = median(base.map((l) => l.requestsPerSecond));
    const appP99 = median(app.map((l) => l.p99));
    const ratio = appRps / bareRps;
    const label = `thread read (50 replies, ${(bodyBytes / 1024).toFixed(1)} KB JSON), ${CONNECTIONS} conns, ${SECONDS} s`;
    return [
      { name: `${label}: app`, value: Math.round(appRps), unit: 'req/s' },
      { name: `${label}: bare Express 5 + helmet + session`, value: Math.round(bareRps), unit: 'req/s' },
      { name: `${label}: app / bare`, value: round(ratio, 2), unit: 'x', target: '>= 0.40', pass: ratio >= 0.4 },
      { name: `${label}: app p99`, value: round(appP99), unit: 'ms', target: '< 100', pass: appP99 < 100 },
      { name: `${label}: app p50`, value: round(median(app.map((l) => l.p50))), unit: 'ms' },
      { name: `${label}: bare p99`, value: round(median(base.map((l) => l.p99))), unit: 'ms' },
    ];
  } finally {
    await bare.stop();
  }
}
