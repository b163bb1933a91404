import type { PostDoc } from '../../db/models/Post.js';
import type { ThreadDoc } from '../../db/models/Thread.js';
import type { Viewer } from '../../policies/index.js';
import { getThread } from './getThread.js';
import { advanceReadMark } from './readStates.js';

/** Opens a thread for the member: the thread and its posts (404 if unreadable), and everything in it is now read. */
export async function readThread({ viewer, threadId }: { viewer: Viewer; threadId: string }): Promise<{ thread: ThreadDoc; posts: PostDoc[] }> {
  const { thread, posts } = await getThread({ viewer, threadId });
  await advanceReadMark(viewer.id, thread._id, thread.postSeq);
  return { thread, posts };
}
