// Child processes of the discussion benchmarks: each server and the socket clients run in a process of their
// own, their output going to a log file (a pipe nobody drains would stall them, and draining it costs the
// benchmark process CPU).
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sleep } from './stats.js';

export interface BenchProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** The end of the log, for error messages. */
  tail(): string;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

function wrap(name: string, child: ChildProcess, logFile: string): BenchProcess {
  return {
    name,
    child,
    logFile,
    tail: () => {
      try {
        return readFileSync(logFile, 'utf8').slice(-3000);
      } catch {
        return '(no log)';
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killed = await Promise.race([exited(child).then(() => true), sleep(15_000).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await exited(child);
      }
    },
  };
}

/** Runs a TypeScript entry point through tsx, as `npm start` runs the server; `ipc` opens a message channel. */
export function startTsProcess(opts: { name: string; script: string; args?: string[]; env: Record<string, string | undefined>; logDir: string; ipc?: boolean; nodeFlags?: string[] }): BenchProcess {
  const logFile = path.join(opts.logDir, `${opts.name}.log`);
  const fd = openSync(logFile, 'a');
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, ...opts.env };
  const execArgv = [...(opts.nodeFlags ?? []), '--import', 'tsx'];
  const child = opts.ipc
    ? fork(opts.script, opts.args ?? [], { execArgv, env, stdio: ['ignore', fd, fd, 'ipc'] })
    : spawn(process.execPath, [...execArgv, opts.script, ...(opts.args ?? [])], { env, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  return wrap(opts.name, child, logFile);
}

/** Resolves once `url` answers 200; rejects with the log's end if the process exits or the time runs out. */
export async function waitUntilServing(proc: BenchProcess, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited with ${proc.child.exitCode}:\n${proc.tail()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // Not listening yet, or listening before its handler is attached (the app listens first, then connects).
    }
    await sleep(250);
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs} ms:\n${proc.tail()}`);
}

/** Resident set size of a process, from /proc. */
export async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
}

/** User + system CPU seconds a process has used so far, from /proc (clock ticks are 100 per second on Linux). */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
