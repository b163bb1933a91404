import type { AuthorDto } from './discussion.js';
import type { ResourceType } from './resource.js';

/**
 * What search can find. Threads (by title), posts (by body) and library resources; spotlights, suggestions and
 * members join this list as those areas arrive, and `kind` in the query accepts exactly these names.
 */
export const searchKinds = ['thread', 'post', 'resource'] as const;
export type SearchKind = (typeof searchKinds)[number];

/** What `kind` in the query accepts: one kind, or `discussion` for threads and posts together. */
export const searchFilters = [...searchKinds, 'discussion'] as const;
export type SearchFilter = (typeof searchFilters)[number];

/** The kinds each filter asks for. */
export const kindsOfSearchFilter: Record<SearchFilter, readonly SearchKind[]> = {
  thread: ['thread'],
  post: ['post'],
  resource: ['resource'],
  discussion: ['thread', 'post'],
};

/**
 * A discussion hit. A `thread` hit is a title match (its `id` is the thread's; the snippet comes from the opening
 * post); when the opening post matches too, it is folded into that hit rather than listed twice. A `post` hit is a
 * reply, or an opening post whose title did not match.
 */
export interface DiscussionSearchResultDto {
  kind: 'thread' | 'post';
  id: string;
  threadId: string;
  threadTitle: string;
  categoryId: string;
  /** Plain text (no HTML) around the first matching word; the client escapes it like any text. */
  snippet: string;
  author: AuthorDto | null;
  createdAt: string;
}

/** A library resource matched by its title, tags, description or the text of its latest file. */
export interface ResourceSearchResultDto {
  kind: 'resource';
  id: string;
  title: string;
  resourceType: ResourceType;
  /** Plain text around the first matching word of the description, else of the file's extracted text. */
  snippet: string;
  /** The uploader. */
  author: AuthorDto | null;
  createdAt: string;
}

/** One hit, told apart by `kind`. */
export type SearchResultDto = DiscussionSearchResultDto | ResourceSearchResultDto;

export interface SearchPage {
  items: SearchResultDto[];
  nextCursor: string | null;
}
