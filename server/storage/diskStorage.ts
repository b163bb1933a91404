import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ByteRange, FileStorage, StoredObject } from './FileStorage.js';
import { isStorageKey } from './FileStorage.js';

async function fsyncPath(target: string): Promise<void> {
  const handle = await open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Files under `<root>/objects/<first two hex>/<key>`. A file is copied to a partial name, flushed to disk, then
 * renamed into place, so a crash leaves either the whole file or a partial one that no key names (swept later).
 * The directory is never served statically: downloads go through the authorized route.
 */
export function diskStorage(root: string): FileStorage {
  const objects = path.resolve(root, 'objects');
  const pathOf = (key: string): string => {
    if (!isStorageKey(key)) throw new Error('invalid storage key');
    return path.join(objects, key.slice(0, 2), key);
  };

  return {
    kind: 'disk',
    async put(sourcePath): Promise<StoredObject> {
      const key = randomBytes(16).toString('hex');
      const final = pathOf(key);
      const partial = path.join(path.dirname(final), `.partial-${key}`);
      await mkdir(path.dirname(final), { recursive: true });
      try {
        await copyFile(sourcePath, partial);
        await fsyncPath(partial);
        await rename(partial, final);
        await fsyncPath(path.dirname(final));
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return { key, size: (await stat(final)).size };
    },
    read(key: string, range?: ByteRange) {
      return createReadStream(pathOf(key), range ? { start: range.start, end: range.end } : {});
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
    async *keysStoredBefore(before) {
      const shards = await readdir(objects).catch(() => [] as string[]);
      for (const shard of shards) {
        const dir = path.join(objects, shard);
        for (const name of await readdir(dir).catch(() => [] as string[])) {
          const info = await stat(path.join(dir, name)).catch(() => null);
          if (!info || info.mtime >= before) continue;
          // A partial copy older than the cut-off belongs to a crashed upload: remove it here.
          if (name.startsWith('.partial-')) await rm(path.join(dir, name), { force: true });
          else if (isStorageKey(name)) yield name;
        }
      }
    },
  };
}
