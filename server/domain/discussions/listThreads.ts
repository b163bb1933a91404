import type { ThreadDoc } from '../../db/models/Thread.js';
import { Thread } from '../../db/models/Thread.js';
import type { Viewer } from '../../policies/index.js';
import type { ListThreadsQuery } from '../../../shared/schemas/discussions.js';
import { findReadableCategory } from './readable.js';
import { afterCursor, decodeThreadCursor, encodeThreadCursor } from './threadCursor.js';

/** One page of a readable category's threads: pinned first, then by last activity. */
export async function listThreads({ viewer, categoryId, query }: { viewer: Viewer; categoryId: string; query: ListThreadsQuery }): Promise<{ threads: ThreadDoc[]; nextCursor: string | null }> {
  const category = await findReadableCategory(viewer, categoryId);
  const filter = { category: category._id, ...(query.cursor ? afterCursor(decodeThreadCursor(query.cursor)) : {}) };
  // One extra tells whether another page exists without a count.
  const found = await Thread.find(filter).sort({ pinned: -1, lastActivityAt: -1, _id: -1 }).limit(query.limit + 1);
  const threads = found.slice(0, query.limit);
  return { threads, nextCursor: found.length > query.limit ? encodeThreadCursor(threads[threads.length - 1]) : null };
}
