import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { eicar } from '../fixtures/uploadFiles.js';
import { makeTempDir } from './tempDirs.js';

/** The name our local signature reports; clamd adds `.UNOFFICIAL` to signatures it did not ship. */
export const EICAR_SIGNATURE = 'TFC.Test.EICAR';

export interface RunningClamd {
  socketPath: string;
  /** Stops this clamd (by its own pid) and waits for it to exit. */
  stop(): Promise<void>;
}

const INSTALL_HINT = 'clamd is not installed: run `apt-get install clamav-daemon` (Debian/Ubuntu). The malware-scan tests need a real clamd and fail rather than skip without one.';

function findClamd(): string {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'clamd');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  throw new Error(INSTALL_HINT);
}

/** One zPING on the socket: true when clamd answers PONG. */
function pings(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.createConnection(socketPath);
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('zPING\0'));
    socket.on('data', (data) => {
      reply += data.toString();
      if (reply.includes('\0')) done(reply.startsWith('PONG'));
    });
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/**
 * A private clamd for one test file: its own temp dir, unix socket and database holding one local signature (the
 * MD5 of the EICAR test string, as a `.hdb` line). Official signatures cannot be downloaded here and freshclam never
 * runs. Resolves once clamd answers PING.
 */
export async function startClamd({ timeoutMs = 60_000 } = {}): Promise<RunningClamd> {
  const binary = findClamd();
  const dir = makeTempDir('tfc-clamd-');
  const databaseDir = path.join(dir, 'db');
  mkdirSync(databaseDir);
  const sample = eicar();
  writeFileSync(path.join(databaseDir, 'local.hdb'), `${createHash('md5').update(sample).digest('hex')}:${sample.length}:${EICAR_SIGNATURE}\n`);
  const socketPath = path.join(dir, 'clamd.sock');
  const logFile = path.join(dir, 'clamd.log');
  const conf = path.join(dir, 'clamd.conf');
  writeFileSync(
    conf,
    [
      'Foreground yes',
      `LocalSocket ${socketPath}`,
      `DatabaseDirectory ${databaseDir}`,
      `TemporaryDirectory ${dir}`,
      `LogFile ${logFile}`,
      `PidFile ${path.join(dir, 'clamd.pid')}`,
      // Nothing but our one signature: no bytecode, no self-check reloads mid-run.
      'Bytecode no',
      'SelfCheck 0',
      '',
    ].join('\n'),
  );

  const child = spawn(binary, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited(child);
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    if (await pings(socketPath)) return { socketPath, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  let log = '';
  try {
    log = readFileSync(logFile, 'utf8');
  } catch {
    // clamd died before it opened its log
  }
  throw new Error(`clamd did not answer PING within ${timeoutMs} ms (exit ${child.exitCode ?? child.signalCode}).\n${stderr}\n${log.slice(-2_000)}`);
}
