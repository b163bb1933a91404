import { postAbilities, threadFactsOf, type PostFacts, type ThreadFacts, type Viewer } from '../policies/index.js';
import { reactionKinds, type PostDto, type ReactionCountDto } from '../../shared/dto/discussion.js';
import { presentAuthor, type AuthorsById } from './author.js';

type IdLike = { toString(): string };

/**
 * The fields of a post that are presented: a hydrated document or a lean one (the thread view reads posts lean and
 * keeps them in a per-process cache), which is why the id is read from `_id` and not the `id` virtual.
 */
export interface PostSource {
  _id: IdLike;
  thread: IdLike;
  parent?: IdLike | null;
  replyTo?: IdLike | null;
  author: IdLike;
  depth: number;
  createdAt: Date;
  body: string;
  bodyHtml: string;
  editedAt?: Date | null;
  deletedAt?: Date | null;
  reactions: readonly { member: IdLike; reaction: string }[];
  attachments: readonly { attachment: IdLike; fileName: string; contentType: string; size: number; isImage: boolean }[];
  revisions: readonly { body: string; editedAt: Date; editor: IdLike }[];
}

/** The thread facts a post's abilities depend on (its space, author and lock). */
type ThreadOfPost = Parameters<typeof threadFactsOf>[0];

/**
 * Hex strings of ids already presented, by the id object: the thread view's cached posts keep the same ObjectIds
 * from request to request, so each is converted once rather than on every read (ids never change).
 */
const hexOfId = new WeakMap<object, string>();
function idString(id: IdLike): string {
  if (typeof id !== 'object' || id === null) return String(id);
  let hex = hexOfId.get(id);
  if (hex === undefined) {
    hex = id.toString();
    hexOfId.set(id, hex);
  }
  return hex;
}

function presentReactions(post: PostSource, viewer: Viewer): ReactionCountDto[] {
  if (post.reactions.length === 0) return [];
  return reactionKinds
    .map((reaction) => {
      const given = post.reactions.filter((r) => r.reaction === reaction);
      return { reaction, count: given.length, mine: given.some((r) => idString(r.member) === viewer.id) };
    })
    .filter((r) => r.count > 0);
}

function presentWithFacts(post: PostSource, thread: ThreadFacts, viewer: Viewer, authors: AuthorsById): PostDto {
  const authorId = idString(post.author);
  const facts: PostFacts = { thread, authorId, removed: Boolean(post.deletedAt) };
  const abilities = postAbilities(viewer, facts);
  const id = idString(post._id);
  const threadId = idString(post.thread);
  const parentId = post.parent ? idString(post.parent) : null;
  const replyToId = post.replyTo ? idString(post.replyTo) : null;
  const createdAt = post.createdAt.toISOString();
  if (facts.removed) {
    return { id, threadId, parentId, replyToId, depth: post.depth, createdAt, abilities, removed: true, body: '', bodyHtml: '', author: null, editedAt: null, reactions: [], attachments: [] };
  }
  const dto: PostDto = {
    id,
    threadId,
    parentId,
    replyToId,
    depth: post.depth,
    createdAt,
    abilities,
    removed: false,
    body: post.body,
    bodyHtml: post.bodyHtml,
    author: presentAuthor(authors, authorId),
    editedAt: post.editedAt ? post.editedAt.toISOString() : null,
    reactions: presentReactions(post, viewer),
    attachments: post.attachments.map((a) => ({ id: idString(a.attachment), fileName: a.fileName, contentType: a.contentType, size: a.size, isImage: a.isImage })),
  };
  if (abilities.canViewHistory) dto.revisions = post.revisions.map((r) => ({ body: r.body, editedAt: r.editedAt.toISOString(), editorId: idString(r.editor) }));
  return dto;
}

/** A removed post keeps its id and place in the tree; its text, author and reactions are not shown to anyone. */
export function presentPost(post: PostSource, thread: ThreadOfPost, viewer: Viewer, authors: AuthorsById): PostDto {
  return presentWithFacts(post, threadFactsOf(thread), viewer, authors);
}

/** The posts of one thread, for one viewer: the thread's facts are worked out once for all of them. */
export function presentPosts(posts: readonly PostSource[], thread: ThreadOfPost, viewer: Viewer, authors: AuthorsById): PostDto[] {
  const facts = threadFactsOf(thread);
  return posts.map((post) => presentWithFacts(post, facts, viewer, authors));
}
