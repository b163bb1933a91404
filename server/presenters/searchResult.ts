import type { PostDoc } from '../db/models/Post.js';
import type { ThreadDoc } from '../db/models/Thread.js';
import type { SearchKind, SearchResultDto } from '../../shared/dto/search.js';
import { presentAuthor, type AuthorsById } from './author.js';

/** What the search use case found: the thread, the matching (or opening) post, and the plain-text snippet. */
export interface SearchHitSource {
  kind: SearchKind;
  thread: ThreadDoc;
  post: PostDoc | null;
  snippet: string;
}

/** A thread hit shows the thread's author and date; a post hit the post's. */
export function presentSearchResult(hit: SearchHitSource, authors: AuthorsById): SearchResultDto {
  const source = hit.kind === 'post' && hit.post ? hit.post : hit.thread;
  return {
    kind: hit.kind,
    id: source.id as string,
    threadId: hit.thread.id as string,
    threadTitle: hit.thread.title,
    categoryId: hit.thread.category.toString(),
    snippet: hit.snippet,
    author: presentAuthor(authors, source.author),
    createdAt: source.createdAt.toISOString(),
  };
}
