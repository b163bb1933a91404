import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { PersistenceFailedError } from './errors.js';
import { journalFileName, syncDirectory } from './storageLayout.js';
import type { SyncObserver } from './storageLayout.js';

interface PendingFrames {
  kind: 'frames';
  bytes: Buffer;
  settle: Settle;
}

/** Switch to a new journal file; queued in line so it splits appends exactly where it was requested. */
interface PendingRotation {
  kind: 'rotate';
  generation: number;
  settle: Settle;
}

interface Settle {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Appends frames to the active journal with group commit: everything queued while one
 * write+fdatasync runs goes out together in the next one, so one fsync acknowledges many callers.
 */
export class JournalWriter {
  private readonly queue: (PendingFrames | PendingRotation)[] = [];
  private draining = false;
  private failure: PersistenceFailedError | null = null;
  private closed = false;

  private constructor(
    private readonly dbPath: string,
    private handle: FileHandle,
    private generation: number,
    private bytesInFile: number,
    private readonly observe: SyncObserver | undefined,
  ) {}

  static async open(dbPath: string, generation: number, observe?: SyncObserver): Promise<JournalWriter> {
    const file = path.join(dbPath, journalFileName(generation));
    const handle = await open(file, 'a');
    const { size } = await handle.stat();
    // A journal file just created must have its directory entry on disk before records go in it.
    await syncDirectory(dbPath, observe);
    return new JournalWriter(dbPath, handle, generation, size, observe);
  }

  get activeGeneration(): number {
    return this.generation;
  }

  /** Bytes in the active journal file, including frames not yet written. */
  get activeBytes(): number {
    return this.bytesInFile + this.queuedBytes();
  }

  append(frames: Buffer): Promise<void> {
    return this.enqueue((settle) => ({ kind: 'frames', bytes: frames, settle }));
  }

  /** Resolves once every frame queued before this call is durable in the old file and the new file exists. */
  rotate(generation: number): Promise<void> {
    return this.enqueue((settle) => ({ kind: 'rotate', generation, settle }));
  }

  /** Waits for queued work, then closes the file. */
  async close(): Promise<void> {
    await this.enqueue((settle) => ({ kind: 'frames', bytes: Buffer.alloc(0), settle })).catch(() => undefined);
    this.closed = true;
    await this.handle.close();
  }

  private enqueue(make: (settle: Settle) => PendingFrames | PendingRotation): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('journal is closed'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push(make({ resolve, reject }));
      if (!this.draining) {
        this.draining = true;
        // Deferred a tick so appends issued in the same turn share the first fsync too.
        setImmediate(() => void this.drain());
      }
    });
  }

  private queuedBytes(): number {
    let total = 0;
    for (const item of this.queue) if (item.kind === 'frames') total += item.bytes.length;
    return total;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const head = this.queue[0];
      const batch = head.kind === 'rotate' ? [this.queue.shift() as PendingRotation] : this.takeFrameRun();
      try {
        if (head.kind === 'rotate') await this.switchTo(head.generation);
        else await this.writeDurably(Buffer.concat((batch as PendingFrames[]).map((item) => item.bytes)));
        for (const item of batch) item.settle.resolve();
      } catch (error) {
        // After a failed write or fsync the page cache state is unknown; refusing all further
        // work is the only way not to acknowledge something that may never reach the disk.
        this.failure = new PersistenceFailedError(error);
        for (const item of [...batch, ...this.queue.splice(0)]) item.settle.reject(this.failure);
      }
    }
    this.draining = false;
  }

  private takeFrameRun(): PendingFrames[] {
    const rotation = this.queue.findIndex((item) => item.kind === 'rotate');
    return this.queue.splice(0, rotation === -1 ? this.queue.length : rotation) as PendingFrames[];
  }

  private async writeDurably(bytes: Buffer): Promise<void> {
    if (bytes.length === 0) return;
    for (let written = 0; written < bytes.length; ) {
      const { bytesWritten } = await this.handle.write(bytes, written, bytes.length - written);
      written += bytesWritten;
    }
    this.bytesInFile += bytes.length;
    await this.handle.datasync();
    this.observe?.('journal');
  }

  private async switchTo(generation: number): Promise<void> {
    const file = path.join(this.dbPath, journalFileName(generation));
    const next = await open(file, 'a');
    await syncDirectory(this.dbPath, this.observe);
    const previous = this.handle;
    this.handle = next;
    this.generation = generation;
    this.bytesInFile = (await next.stat()).size;
    await previous.close();
  }
}
