import { Types } from 'mongoose';
import { excerpt } from '../../content/render.js';
import { Flag, type FlagDoc } from '../../db/models/Flag.js';
import { Post, type PostDoc } from '../../db/models/Post.js';
import { Thread, type ThreadDoc } from '../../db/models/Thread.js';
import { validationFailed } from '../../errors.js';
import { authorize, type Viewer } from '../../policies/index.js';
import type { ListFlagsQuery } from '../../../shared/schemas/flags.js';
import { loadAuthors, type AuthorRecord } from '../discussions/loadAuthors.js';
import { moderatedSpaceFilter } from './moderatedSpaceFilter.js';

/** A flag with what the queue shows of its post; `post`/`thread` are null when the post is gone. */
export interface FlagEntry {
  flag: FlagDoc;
  post: PostDoc | null;
  thread: ThreadDoc | null;
  /** Plain text of the post; empty for a removed post. */
  excerpt: string;
}

function afterCursor(cursor: string | undefined) {
  if (cursor === undefined) return {};
  if (!/^[a-f0-9]{24}$/.test(cursor)) throw validationFailed([{ path: 'query.cursor', message: 'is not a cursor this server issued' }]);
  return { _id: { $gt: new Types.ObjectId(cursor) } };
}

/**
 * The moderation queue, oldest first: moderators and admins see every flag, coordinators those in their task force's
 * private space, anyone else is refused. The space rule is part of the query.
 */
export async function listFlags({ viewer, query }: { viewer: Viewer; query: ListFlagsQuery }): Promise<{ entries: FlagEntry[]; authors: Map<string, AuthorRecord>; nextCursor: string | null }> {
  const scope = moderatedSpaceFilter(viewer);
  authorize(scope !== null, 'Only moderators and coordinators review flags.');
  const found = await Flag.find({ status: query.status, ...scope, ...afterCursor(query.cursor) }).sort({ _id: 1 }).limit(query.limit + 1);
  const flags = found.slice(0, query.limit);

  const posts = flags.length ? await Post.find({ _id: { $in: flags.map((f) => f.post) } }) : [];
  const threads = flags.length ? await Thread.find({ _id: { $in: flags.map((f) => f.thread) }, ...scope }) : [];
  const postsById = new Map(posts.map((p) => [p.id as string, p]));
  const threadsById = new Map(threads.map((t) => [t.id as string, t]));
  const entries = flags.map((flag): FlagEntry => {
    const post = postsById.get(flag.post.toString()) ?? null;
    const thread = threadsById.get(flag.thread.toString()) ?? null;
    const shown = post && thread ? { post, thread } : { post: null, thread: null };
    return { flag, ...shown, excerpt: shown.post && !shown.post.deletedAt ? excerpt(shown.post.body) : '' };
  });
  const authors = await loadAuthors(...flags.map((f) => ({ author: f.reporter })), ...posts);
  const nextCursor = found.length > query.limit ? (flags[flags.length - 1].id as string) : null;
  return { entries, authors, nextCursor };
}
