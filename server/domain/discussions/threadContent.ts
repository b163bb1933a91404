import type { Types } from 'mongoose';
import { Post, type PostFields } from '../../db/models/Post.js';
import type { ThreadDoc } from '../../db/models/Thread.js';
import { loadAuthors, type AuthorRecord } from './loadAuthors.js';
import { treeOrder } from './treeOrder.js';

/** A post as read lean: plain data, shared between requests through the cache below, so never mutated. */
export type PostRecord = PostFields & { _id: Types.ObjectId };

export interface ThreadContent {
  /** In tree order (see treeOrder.ts). */
  posts: readonly PostRecord[];
  /** The authors of the posts and of the thread. */
  authors: ReadonlyMap<string, AuthorRecord>;
}

/** Threads kept, and the rough memory they may take (JS strings are UTF-16: two bytes a character). */
const maxThreads = 500;
const maxBytes = 64 * 1024 * 1024;
/** A renamed member shows under the new name after at most this long in threads served from the cache. */
export const authorNamesTtlMs = 30_000;

interface Entry extends ThreadContent {
  version: number;
  authorsLoadedAt: number;
  bytes: number;
}

/**
 * Per-process copies of threads' posts and authors, least recently read dropped first. Only content lives here, never
 * who may read it: the caller has just loaded the thread with the read rule in the query, and its `contentVersion`
 * (bumped with or after every write to its posts) tells whether the copy is still the thread's content.
 */
const entries = new Map<string, Entry>();
let cachedBytes = 0;
/** Loads in flight, so a burst of readers after a change queries the posts once. */
const loading = new Map<string, { version: number; promise: Promise<ThreadContent> }>();

const sizeOf = (posts: readonly PostRecord[]) =>
  posts.reduce((sum, p) => sum + 600 + 2 * (p.body.length + p.bodyHtml.length + p.revisions.reduce((n, r) => n + r.body.length, 0)), 0);

function forget(key: string): void {
  const entry = entries.get(key);
  if (!entry) return;
  entries.delete(key);
  cachedBytes -= entry.bytes;
}

function remember(key: string, entry: Entry): void {
  forget(key);
  if (entry.bytes > maxBytes / 4) return;
  entries.set(key, entry);
  cachedBytes += entry.bytes;
  // Map iteration follows insertion order, and every hit re-inserts its entry: the first key is the least recent.
  for (const oldest of entries.keys()) {
    if (entries.size <= maxThreads && cachedBytes <= maxBytes) break;
    forget(oldest);
  }
}

/** Lean reads skip schema defaults: posts stored before a field existed (attachments, say) get its default here. */
const withDefaults = (p: PostRecord): PostRecord => ({
  ...p,
  parent: p.parent ?? null,
  replyTo: p.replyTo ?? null,
  revisions: p.revisions ?? [],
  reactions: p.reactions ?? [],
  attachments: p.attachments ?? [],
  editedAt: p.editedAt ?? null,
  deletedAt: p.deletedAt ?? null,
  deletedBy: p.deletedBy ?? null,
});

async function load(thread: Pick<ThreadDoc, '_id' | 'author'>, version: number): Promise<ThreadContent> {
  // The thread was read before its posts: posts written after that read can only make the copy newer than its version.
  const posts = treeOrder((await Post.find({ thread: thread._id }).sort({ _id: 1 }).lean<PostRecord[]>()).map(withDefaults));
  const authors = await loadAuthors(thread, ...posts);
  const entry: Entry = { posts, authors, version, authorsLoadedAt: Date.now(), bytes: sizeOf(posts) };
  const key = thread._id.toString();
  const current = entries.get(key);
  if (!current || current.version <= version) remember(key, entry);
  return entry;
}

/**
 * The posts and authors of a thread the caller has already found readable, from the cache when its version matches
 * the thread document just read.
 */
export async function loadThreadContent(thread: Pick<ThreadDoc, '_id' | 'author' | 'contentVersion'>): Promise<ThreadContent> {
  const key = thread._id.toString();
  const version = thread.contentVersion ?? 0;
  const cached = entries.get(key);
  if (cached && cached.version === version) {
    entries.delete(key);
    entries.set(key, cached);
    if (Date.now() - cached.authorsLoadedAt > authorNamesTtlMs) {
      cached.authors = await loadAuthors(thread, ...cached.posts);
      cached.authorsLoadedAt = Date.now();
    }
    return { posts: cached.posts, authors: cached.authors };
  }
  const inFlight = loading.get(key);
  if (inFlight && inFlight.version === version) return inFlight.promise;
  const promise = load(thread, version).finally(() => {
    if (loading.get(key)?.promise === promise) loading.delete(key);
  });
  loading.set(key, { version, promise });
  return promise;
}
