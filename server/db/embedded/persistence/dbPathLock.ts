import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { DbPathLockedError } from './errors.js';
import { LOCK_FILE } from './storageLayout.js';

/** Lock files this process holds, so a second open in the same process is refused even though the pid is alive. */
const heldByThisProcess = new Set<string>();

interface LockContent {
  pid: number;
  host: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(lockPath: string): Promise<LockContent | null> {
  try {
    const parsed = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, host: String(parsed.host ?? '') } : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // Unreadable content cannot name a live holder, so it is treated as stale.
    return { pid: -1, host: '' };
  }
}

function holderIsLive(holder: LockContent): boolean {
  if (holder.pid <= 0) return false;
  // Our own pid on disk while this process holds no lock there: a previous run that had the
  // same pid (pid 1 in containers), so it is stale.
  if (holder.pid === process.pid) return false;
  return isAlive(holder.pid);
}

/**
 * Takes the dbPath lock. The lock content is written to a private file first and then hard-linked
 * into place, so the LOCK file is created atomically and never seen half-written.
 */
export async function acquireDbPathLock(
  dbPath: string,
  warn: (obj: object, msg?: string) => void,
): Promise<{ release(): Promise<void> }> {
  const lockPath = path.join(dbPath, LOCK_FILE);
  // Claimed synchronously so two opens racing inside this process cannot both pass.
  if (heldByThisProcess.has(lockPath)) throw new DbPathLockedError(dbPath, process.pid);
  heldByThisProcess.add(lockPath);
  try {
    await linkLockFile(dbPath, lockPath, warn);
  } catch (error) {
    heldByThisProcess.delete(lockPath);
    throw error;
  }
  return {
    async release() {
      heldByThisProcess.delete(lockPath);
      const holder = await readHolder(lockPath);
      // Never delete a lock someone else took over after ours was judged stale.
      if (holder?.pid === process.pid) await unlink(lockPath).catch(() => undefined);
    },
  };
}

async function linkLockFile(dbPath: string, lockPath: string, warn: (obj: object, msg?: string) => void): Promise<void> {
  const mine: LockContent = { pid: process.pid, host: hostname() };
  const draft = `${lockPath}.${process.pid}.${Date.now()}`;
  await writeFile(draft, JSON.stringify(mine));
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(draft, lockPath);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
      }
      const holder = await readHolder(lockPath);
      if (!holder) continue;
      if (holderIsLive(holder)) throw new DbPathLockedError(dbPath, holder.pid);
      warn({ dbPath, stalePid: holder.pid }, 'taking over a stale dbPath lock left by a process that is gone');
      await unlink(lockPath).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    }
  } finally {
    await unlink(draft).catch(() => undefined);
  }
  // Two processes taking over the same stale lock: the one whose link survived wins.
  const holder = await readHolder(lockPath);
  if (holder?.pid !== process.pid) throw new DbPathLockedError(dbPath, holder?.pid ?? -1);
}
