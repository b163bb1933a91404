import { Types } from 'mongoose';
import { Post, type PostDoc } from '../../db/models/Post.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import type { MemberDoc } from '../../db/models/Member.js';
import { loadAuthors } from './loadAuthors.js';

/**
 * A post, its thread and its author, for presenting to a thread's room. No visibility check here: only sockets
 * that passed the read check at `thread:join` are in that room.
 */
export async function loadPostForBroadcast(postId: string): Promise<{ post: PostDoc; thread: ThreadDoc; authors: Map<string, MemberDoc> } | null> {
  const post = await Post.findById(new Types.ObjectId(postId));
  const thread = post ? await Thread.findById(post.thread) : null;
  if (!post || !thread) return null;
  return { post, thread, authors: await loadAuthors(post) };
}
