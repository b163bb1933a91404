import { Types } from 'mongoose';
import type { MemberDoc } from '../../db/models/Member.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import { loadAuthors } from './loadAuthors.js';

/** A thread and its author, for presenting to its room; the room's sockets passed the read check at join. */
export async function loadThreadForBroadcast(threadId: string): Promise<{ thread: ThreadDoc; authors: Map<string, MemberDoc> } | null> {
  const thread = await Thread.findById(new Types.ObjectId(threadId));
  return thread ? { thread, authors: await loadAuthors(thread) } : null;
}
