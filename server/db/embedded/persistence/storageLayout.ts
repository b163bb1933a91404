import { open, readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Files in a dbPath. The snapshot records a generation G: it holds the effect of every journal
 * numbered below G, and replay applies only journals numbered G and above. That one rule makes
 * every crash point of a compaction replay each record exactly once.
 */
export const LOCK_FILE = 'LOCK';
export const SNAPSHOT_FILE = 'snapshot.bson';
export const SNAPSHOT_TEMP_FILE = 'snapshot.bson.tmp';

const JOURNAL_PATTERN = /^journal-(\d{10})\.log$/;

export function journalFileName(generation: number): string {
  return `journal-${String(generation).padStart(10, '0')}.log`;
}

export interface JournalFile {
  generation: number;
  file: string;
}

/** Journals present in the directory, oldest first. */
export async function listJournals(dbPath: string): Promise<JournalFile[]> {
  const names = await readdir(dbPath);
  return names
    .map((name) => JOURNAL_PATTERN.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ generation: Number(match[1]), file: path.join(dbPath, match[0]) }))
    .sort((a, b) => a.generation - b.generation);
}

/** Which durability barrier ran; tests count these to prove group commit. */
export type SyncKind = 'journal' | 'snapshot' | 'directory';

export interface SyncObserver {
  (kind: SyncKind): void;
}

/** A rename or a new file is only durable once the directory entry itself is flushed. */
export async function syncDirectory(dbPath: string, observe?: SyncObserver): Promise<void> {
  const handle = await open(dbPath, 'r');
  try {
    await handle.sync();
    observe?.('directory');
  } finally {
    await handle.close();
  }
}
