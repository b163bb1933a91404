import type { PostDoc } from '../db/models/Post.js';
import type { ResourceDoc } from '../db/models/Resource.js';
import type { ThreadDoc } from '../db/models/Thread.js';
import type { ResourceType } from '../../shared/dto/resource.js';
import type { SearchResultDto } from '../../shared/dto/search.js';
import { presentAuthor, type AuthorsById } from './author.js';

/** What the search use case found: a discussion hit (thread, matching or opening post) or a resource, with its snippet. */
export type SearchHitSource =
  | { kind: 'thread' | 'post'; thread: ThreadDoc; post: PostDoc | null; snippet: string }
  | { kind: 'resource'; resource: ResourceDoc; snippet: string };

/** A thread hit shows the thread's author and date; a post hit the post's; a resource hit its uploader and date. */
export function presentSearchResult(hit: SearchHitSource, authors: AuthorsById): SearchResultDto {
  if (hit.kind === 'resource') {
    const r = hit.resource;
    return {
      kind: 'resource',
      id: r.id as string,
      title: r.title,
      resourceType: r.type as ResourceType,
      snippet: hit.snippet,
      author: presentAuthor(authors, r.uploader),
      createdAt: r.createdAt.toISOString(),
    };
  }
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
