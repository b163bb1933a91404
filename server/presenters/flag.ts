import type { FlagDoc } from '../db/models/Flag.js';
import type { PostDoc } from '../db/models/Post.js';
import type { ThreadDoc } from '../db/models/Thread.js';
import type { FlagDto, FlagReason, FlagStatus } from '../../shared/dto/flag.js';
import { presentAuthor, type AuthorsById } from './author.js';

/** A flag with its post and thread as loaded by the use case, and the post's plain-text excerpt. */
export interface FlagSource {
  flag: FlagDoc;
  post: PostDoc | null;
  thread: ThreadDoc | null;
  excerpt: string;
}

/** A removed post shows neither text nor author, as in the thread view. */
export function presentFlag({ flag, post, thread, excerpt }: FlagSource, authors: AuthorsById): FlagDto {
  const removed = Boolean(post?.deletedAt);
  return {
    id: flag.id as string,
    reason: flag.reason as FlagReason,
    note: flag.note ?? '',
    status: flag.status as FlagStatus,
    reporter: presentAuthor(authors, flag.reporter),
    createdAt: flag.createdAt.toISOString(),
    post:
      post && thread
        ? {
            id: post.id as string,
            threadId: thread.id as string,
            threadTitle: thread.title,
            categoryId: thread.category.toString(),
            excerpt: removed ? '' : excerpt,
            author: removed ? null : presentAuthor(authors, post.author),
            removed,
          }
        : null,
  };
}
