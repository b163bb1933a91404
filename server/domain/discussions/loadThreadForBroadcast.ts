import { Types } from 'mongoose';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import { loadAuthors, type AuthorRecord } from './loadAuthors.js';

/** A thread and its author, for presenting to its room; the room's sockets passed the read check at join. */
export async function loadThreadForBroadcast(threadId: string): Promise<{ thread: ThreadDoc; authors: Map<string, AuthorRecord> } | null> {
  const thread = await Thread.findById(new Types.ObjectId(threadId));
  return thread ? { thread, authors: await loadAuthors(thread) } : null;
}
