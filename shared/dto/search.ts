import type { AuthorDto } from './discussion.js';

/**
 * What search can find. Today threads (by title) and posts (by body); resources, spotlights, suggestions and members
 * join this list as those areas arrive, and `kind` in the query accepts exactly these names.
 */
export const searchKinds = ['thread', 'post'] as const;
export type SearchKind = (typeof searchKinds)[number];

/**
 * One hit. A `thread` hit is a title match (its `id` is the thread's; the snippet comes from the opening post);
 * when the opening post matches too, it is folded into that hit rather than listed twice. A `post` hit is a reply,
 * or an opening post whose title did not match.
 */
export interface SearchResultDto {
  kind: SearchKind;
  id: string;
  threadId: string;
  threadTitle: string;
  categoryId: string;
  /** Plain text (no HTML) around the first matching word; the client escapes it like any text. */
  snippet: string;
  author: AuthorDto | null;
  createdAt: string;
}

export interface SearchPage {
  items: SearchResultDto[];
  nextCursor: string | null;
}
