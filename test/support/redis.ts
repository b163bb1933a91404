import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { freePort } from './ports.js';

const answers = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });

/**
 * The Redis the suite uses: REDIS_URL, else a server answering on 127.0.0.1:6379, else a throwaway
 * `redis-server` from PATH on a free port, else a failure that names the install command.
 */
export async function ensureRedis(): Promise<{ url: string; source: string; stop(): Promise<void> }> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, source: 'REDIS_URL', stop: async () => undefined };
  if (await answers('127.0.0.1', 6379)) return { url: 'redis://127.0.0.1:6379', source: '127.0.0.1:6379', stop: async () => undefined };
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new Error('The test suite needs Redis: set REDIS_URL, run a server on 127.0.0.1:6379, or install one (Debian: apt-get install redis-server).');
  }
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 50 && !(await answers('127.0.0.1', port)); i++) await new Promise((r) => setTimeout(r, 100));
  return {
    url: `redis://127.0.0.1:${port}`,
    source: `redis-server started on port ${port}`,
    stop: async () => {
      child.kill('SIGTERM');
    },
  };
}
