import type { ThreadFields } from '../db/models/Thread.js';
import { threadAbilities, threadFactsOf, type Viewer } from '../policies/index.js';
import type { ThreadDto } from '../../shared/dto/discussion.js';
import { presentAuthor, type AuthorsById } from './author.js';

/** What the signed-in member has read and watches; absent where the thread is not presented to one member. */
export interface ThreadReadState {
  unreadCount: number;
  watching: boolean;
}

/** A thread document, hydrated or lean. */
export type ThreadSource = ThreadFields & { _id: { toString(): string } };

export function presentThread(thread: ThreadSource, viewer: Viewer, authors: AuthorsById, readState: ThreadReadState = { unreadCount: 0, watching: false }): ThreadDto {
  return {
    id: thread._id.toString(),
    categoryId: thread.category.toString(),
    title: thread.title,
    author: presentAuthor(authors, thread.author),
    pinned: thread.pinned,
    locked: thread.locked,
    replyCount: thread.replyCount,
    lastActivityAt: thread.lastActivityAt.toISOString(),
    createdAt: thread.createdAt.toISOString(),
    unreadCount: readState.unreadCount,
    watching: readState.watching,
    abilities: threadAbilities(viewer, threadFactsOf(thread)),
  };
}
