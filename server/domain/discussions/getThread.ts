import { Post, type PostDoc } from '../../db/models/Post.js';
import type { ThreadDoc } from '../../db/models/Thread.js';
import type { Viewer } from '../../policies/index.js';
import { findReadableThread } from './readable.js';
import { treeOrder } from './treeOrder.js';

/** A readable thread and all its posts in tree order; 404 for a thread the viewer may not read. */
export async function getThread({ viewer, threadId }: { viewer: Viewer; threadId: string }): Promise<{ thread: ThreadDoc; posts: PostDoc[] }> {
  const thread = await findReadableThread(viewer, threadId);
  const posts = await Post.find({ thread: thread._id }).sort({ _id: 1 });
  return { thread, posts: treeOrder(posts) };
}
