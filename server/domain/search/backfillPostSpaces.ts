import type { Logger } from 'pino';
import { Post } from '../../db/models/Post.js';
import { Thread } from '../../db/models/Thread.js';

/**
 * Gives posts stored before posts carried their thread's `visibility`/`taskForce` those copies. Until then such
 * posts match no search (the filter requires the copies), so this only makes them findable; it never widens access.
 * Idempotent: run at every start, it finds nothing to do once done.
 */
export async function backfillPostSpaces(logger: Logger): Promise<void> {
  const threadIds = await Post.distinct('thread', { visibility: { $exists: false } });
  if (!threadIds.length) return;
  const threads = await Thread.find({ _id: { $in: threadIds } }, { visibility: 1, taskForce: 1 });
  for (const thread of threads) {
    await Post.updateMany({ thread: thread._id, visibility: { $exists: false } }, { $set: { visibility: thread.visibility, taskForce: thread.taskForce } });
  }
  logger.info({ threads: threads.length }, 'posts given their thread’s visibility for search');
}
