import { Types } from 'mongoose';
import { Post, type PostDoc } from '../../db/models/Post.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import type { CommittedPost } from '../../events/bus.js';
import { loadAuthors, type AuthorRecord } from './loadAuthors.js';

export interface PostForBroadcast {
  post: PostDoc;
  thread: ThreadDoc;
  authors: ReadonlyMap<string, AuthorRecord>;
}

/**
 * A post, its thread and its author, for presenting to a thread's room: what the writer committed when the event
 * carries it, else read by id. No visibility check here: only sockets that passed the read check at `thread:join`
 * are in that room.
 */
export async function loadPostForBroadcast(postId: string, committed?: CommittedPost): Promise<PostForBroadcast | null> {
  if (committed) return { post: committed.post, thread: committed.thread, authors: new Map([[committed.author.id as string, committed.author]]) };
  const post = await Post.findById(new Types.ObjectId(postId));
  const thread = post ? await Thread.findById(post.thread) : null;
  if (!post || !thread) return null;
  return { post, thread, authors: await loadAuthors(post) };
}
