import { Post, type PostDoc } from '../../db/models/Post.js';
import { Resource, type ResourceDoc } from '../../db/models/Resource.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import type { Viewer } from '../../policies/index.js';
import { kindsOfSearchFilter, searchKinds, type SearchKind } from '../../../shared/dto/search.js';
import type { SearchQuery } from '../../../shared/schemas/search.js';
import { loadAuthors, type AuthorRecord } from '../discussions/loadAuthors.js';
import { readableSpaceFilter } from '../discussions/readable.js';
import { findPostHits, findThreadHits, type Scored } from './findHits.js';
import { findResourceHits } from './findResourceHits.js';
import { decodeSearchCursor, encodeSearchCursor, maxSearchOffset } from './searchCursor.js';
import { resourceSnippetOf } from './resourceSnippet.js';
import { searchTerms, snippetOf, type SearchTerms } from './snippet.js';

/** A thread whose title matched (with its opening post), or a post whose body matched. */
export interface DiscussionHit {
  kind: 'thread' | 'post';
  thread: ThreadDoc;
  /** The matching post, or the opening post of a matching thread; null when that opening post is gone. */
  post: PostDoc | null;
  snippet: string;
}

/** A library resource whose title, tags, description or file text matched. */
export interface ResourceHit {
  kind: 'resource';
  resource: ResourceDoc;
  snippet: string;
}

/** One ranked result. */
export type SearchHit = DiscussionHit | ResourceHit;

interface Ranked {
  kind: SearchKind;
  score: number;
  createdAt: Date;
  id: string;
  thread?: ThreadDoc;
  post?: PostDoc;
  resource?: ResourceDoc;
}

// Relevance first, then the newer; the id makes the order total so offset pages never overlap.
const byRank = (a: Ranked, b: Ranked) => b.score - a.score || b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Threads, posts and resources the viewer may read that match `q`, best first (see findResourceHits.ts for how the
 * scores of the two indexes are put on one scale). Visibility is part of every query: threads, posts and their copies
 * of the space are filtered by the same rule as the category lists, resources by the library's read rule. Removed
 * posts and deleted resources never match, nor lend their text to a snippet.
 */
export async function searchContent({ viewer, query }: { viewer: Viewer; query: SearchQuery }): Promise<{ hits: SearchHit[]; authors: Map<string, AuthorRecord>; nextCursor: string | null }> {
  const offset = query.cursor ? decodeSearchCursor(query.cursor) : 0;
  const pageEnd = offset + query.limit;
  const want = pageEnd + 1;
  const text = { $search: query.q };
  const space = readableSpaceFilter(viewer);

  const kinds = new Set<SearchKind>(query.kind ? kindsOfSearchFilter[query.kind] : searchKinds);
  const wanted = (kind: SearchKind) => kinds.has(kind);
  // Only where threads are listed too does an opening post whose title matches fold into its thread's hit.
  const threadHits = wanted('thread') ? await findThreadHits(text, space, want) : [];
  const postHits = wanted('post') ? await findPostHits(text, space, want, wanted('thread')) : [];
  const resourceHits = wanted('resource') ? await findResourceHits(text, viewer, want) : [];
  const ranked = [...threadHits.map(rankThread), ...postHits.map(rankPost), ...resourceHits.map(rankResource)].sort(byRank);
  const page = ranked.slice(offset, pageEnd);

  const hits = await completeHits(page, space, searchTerms(query.q));
  const authors = await loadAuthors(...hits.map(authoredPartOf));
  const hasMore = ranked.length > pageEnd && pageEnd < maxSearchOffset;
  return { hits, authors, nextCursor: hasMore ? encodeSearchCursor(pageEnd) : null };
}

const rankThread = ({ doc, score }: Scored<ThreadDoc>): Ranked => ({ kind: 'thread', score, createdAt: doc.createdAt, id: doc.id as string, thread: doc });
const rankPost = ({ doc, score }: Scored<PostDoc>): Ranked => ({ kind: 'post', score, createdAt: doc.createdAt, id: doc.id as string, post: doc });
const rankResource = ({ doc, score }: Scored<ResourceDoc>): Ranked => ({ kind: 'resource', score, createdAt: doc.createdAt, id: doc.id as string, resource: doc });

/** Whose name a hit shows: a thread's starter, a post's writer, a resource's uploader. */
function authoredPartOf(hit: SearchHit): { author: { toString(): string } } {
  if (hit.kind === 'resource') return { author: hit.resource.uploader };
  return hit.kind === 'thread' || !hit.post ? hit.thread : hit.post;
}

/**
 * Loads what a page's hits need: the threads of post hits, the opening posts of thread hits and the file text of
 * resource hits (left out of the ranking query, which reads many more resources than a page shows).
 */
async function completeHits(page: Ranked[], space: Record<string, unknown>, terms: SearchTerms): Promise<SearchHit[]> {
  const threadIdsOfPosts = page.flatMap((r) => (r.post ? [r.post.thread] : []));
  const threadsOfPosts = threadIdsOfPosts.length ? await Thread.find({ _id: { $in: threadIdsOfPosts }, ...space }) : [];
  const threadsById = new Map(threadsOfPosts.map((t) => [t.id as string, t]));
  const titleHitIds = page.flatMap((r) => (r.thread ? [r.thread._id] : []));
  const openers = titleHitIds.length ? await Post.find({ thread: { $in: titleHitIds }, parent: null }) : [];
  const openerByThread = new Map(openers.map((p) => [p.thread.toString(), p]));
  const resourceIds = page.flatMap((r) => (r.resource ? [r.resource._id] : []));
  const fileTexts = resourceIds.length ? await Resource.find({ _id: { $in: resourceIds } }, { searchText: 1 }).lean() : [];
  const fileTextById = new Map(fileTexts.map((r) => [r._id.toString(), r.searchText ?? '']));

  return page.flatMap((r): SearchHit[] => {
    if (r.resource) {
      const fileText = fileTextById.get(r.resource.id as string) ?? '';
      return [{ kind: 'resource', resource: r.resource, snippet: resourceSnippetOf(r.resource.description ?? '', fileText, terms) }];
    }
    if (r.thread) {
      const opener = openerByThread.get(r.thread.id as string) ?? null;
      const snippet = opener && !opener.deletedAt ? snippetOf(opener.body, terms) : '';
      return [{ kind: 'thread', thread: r.thread, post: opener, snippet }];
    }
    const post = r.post!;
    const thread = threadsById.get(post.thread.toString());
    // A post whose thread is gone or unreadable (copies out of step) is left out rather than shown.
    return thread ? [{ kind: 'post', thread, post, snippet: snippetOf(post.body, terms) }] : [];
  });
}
