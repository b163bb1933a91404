import { Post, type PostDoc } from '../../db/models/Post.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';

/** A `$text` operand: the member's words, which the text index parses (phrases in quotes, `-` negates). */
export interface TextSearch {
  $search: string;
}

/** The viewer's readable spaces as a filter on documents that carry `visibility`/`taskForce` copies. */
export type SpaceFilter = Record<string, unknown>;

export interface Scored<T> {
  doc: T;
  score: number;
}

const byRelevance = { score: { $meta: 'textScore' }, createdAt: -1, _id: -1 } as const;
const withScore = { score: { $meta: 'textScore' } } as const;

const scored = <T extends { get(path: string): unknown }>(docs: T[]): Scored<T>[] => docs.map((doc) => ({ doc, score: Number(doc.get('score')) }));

/** The best `want` readable threads whose title matches. */
export async function findThreadHits(text: TextSearch, space: SpaceFilter, want: number): Promise<Scored<ThreadDoc>[]> {
  return scored(await Thread.find({ $text: text, ...space }, withScore).sort(byRelevance).limit(want));
}

/**
 * The best `want` readable, not removed posts whose body matches. With `foldOpeners`, an opening post whose thread
 * title matches too is left out (that thread is a hit of its own), and further posts are read to fill its place.
 */
export async function findPostHits(text: TextSearch, space: SpaceFilter, want: number, foldOpeners: boolean): Promise<Scored<PostDoc>[]> {
  const filter = { $text: text, deletedAt: null, ...space };
  const hits: Scored<PostDoc>[] = [];
  let skip = 0;
  // Bounded: a common word whose every match is a folded opening post must not walk the whole collection. Twice the
  // shortfall per round, three rounds at most; a page may then come out short, never wrong.
  for (let round = 0; round < 3 && hits.length < want; round++) {
    const asked = (want - hits.length) * (foldOpeners ? 2 : 1);
    const batch = scored(await Post.find(filter, withScore).sort(byRelevance).skip(skip).limit(asked));
    skip += batch.length;
    hits.push(...(foldOpeners ? await withoutTitleHits(batch, text) : batch));
    if (batch.length < asked) break;
  }
  return hits.slice(0, want);
}

async function withoutTitleHits(batch: Scored<PostDoc>[], text: TextSearch): Promise<Scored<PostDoc>[]> {
  const openerThreads = batch.filter((h) => h.doc.parent === null).map((h) => h.doc.thread);
  if (!openerThreads.length) return batch;
  const titled = await Thread.find({ _id: { $in: openerThreads }, $text: text }, { _id: 1 });
  const titledIds = new Set(titled.map((t) => t.id as string));
  return batch.filter((h) => h.doc.parent !== null || !titledIds.has(h.doc.thread.toString()));
}
