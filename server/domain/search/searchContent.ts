import type { MemberDoc } from '../../db/models/Member.js';
import { Post, type PostDoc } from '../../db/models/Post.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import type { Viewer } from '../../policies/index.js';
import type { SearchKind } from '../../../shared/dto/search.js';
import type { SearchQuery } from '../../../shared/schemas/search.js';
import { loadAuthors } from '../discussions/loadAuthors.js';
import { readableSpaceFilter } from '../discussions/readable.js';
import { findPostHits, findThreadHits, type Scored } from './findHits.js';
import { decodeSearchCursor, encodeSearchCursor, maxSearchOffset } from './searchCursor.js';
import { searchTerms, snippetOf } from './snippet.js';

/** One ranked result: a thread whose title matched (with its opening post), or a post whose body matched. */
export interface SearchHit {
  kind: SearchKind;
  thread: ThreadDoc;
  /** The matching post, or the opening post of a matching thread; null when that opening post is gone. */
  post: PostDoc | null;
  snippet: string;
}

interface Ranked {
  kind: SearchKind;
  score: number;
  createdAt: Date;
  id: string;
  thread?: ThreadDoc;
  post?: PostDoc;
}

// Relevance first, then the newer; the id makes the order total so offset pages never overlap.
const byRank = (a: Ranked, b: Ranked) => b.score - a.score || b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Threads and posts the viewer may read that match `q`, best first. Visibility is part of every query: threads,
 * posts and their copies of the space are filtered by the same rule as the category lists. Removed posts never match,
 * nor lend their text to a snippet.
 */
export async function searchContent({ viewer, query }: { viewer: Viewer; query: SearchQuery }): Promise<{ hits: SearchHit[]; authors: Map<string, MemberDoc>; nextCursor: string | null }> {
  const offset = query.cursor ? decodeSearchCursor(query.cursor) : 0;
  const pageEnd = offset + query.limit;
  const want = pageEnd + 1;
  const text = { $search: query.q };
  const space = readableSpaceFilter(viewer);

  const threadHits = query.kind === 'post' ? [] : await findThreadHits(text, space, want);
  const postHits = query.kind === 'thread' ? [] : await findPostHits(text, space, want, query.kind === undefined);
  const ranked = [...threadHits.map(rankThread), ...postHits.map(rankPost)].sort(byRank);
  const page = ranked.slice(offset, pageEnd);

  const hits = await completeHits(page, space, searchTerms(query.q));
  const authors = await loadAuthors(...hits.map((h) => (h.kind === 'thread' || !h.post ? h.thread : h.post)));
  const hasMore = ranked.length > pageEnd && pageEnd < maxSearchOffset;
  return { hits, authors, nextCursor: hasMore ? encodeSearchCursor(pageEnd) : null };
}

const rankThread = ({ doc, score }: Scored<ThreadDoc>): Ranked => ({ kind: 'thread', score, createdAt: doc.createdAt, id: doc.id as string, thread: doc });
const rankPost = ({ doc, score }: Scored<PostDoc>): Ranked => ({ kind: 'post', score, createdAt: doc.createdAt, id: doc.id as string, post: doc });

/** Loads what a page's hits need: the threads of post hits and the opening posts of thread hits, in two queries. */
async function completeHits(page: Ranked[], space: Record<string, unknown>, terms: ReturnType<typeof searchTerms>): Promise<SearchHit[]> {
  const threadIdsOfPosts = page.flatMap((r) => (r.post ? [r.post.thread] : []));
  const threadsOfPosts = threadIdsOfPosts.length ? await Thread.find({ _id: { $in: threadIdsOfPosts }, ...space }) : [];
  const threadsById = new Map(threadsOfPosts.map((t) => [t.id as string, t]));
  const titleHitIds = page.flatMap((r) => (r.thread ? [r.thread._id] : []));
  const openers = titleHitIds.length ? await Post.find({ thread: { $in: titleHitIds }, parent: null }) : [];
  const openerByThread = new Map(openers.map((p) => [p.thread.toString(), p]));

  return page.flatMap((r): SearchHit[] => {
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
