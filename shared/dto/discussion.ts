import type { PiiMatch } from '../pii/types.js';

/** The fixed set of reactions a member can toggle on a post. */
export const reactionKinds = ['like', 'thanks', 'insightful', 'support'] as const;
export type ReactionKind = (typeof reactionKinds)[number];

export const categoryVisibilities = ['open', 'private'] as const;
export type CategoryVisibility = (typeof categoryVisibilities)[number];

/** Replies nest to this depth; a reply to a post already this deep is attached beside it (see PostDto.replyToId). */
export const maxPostDepth = 6;

export interface CategoryAbilities {
  canRead: boolean;
  canCreateThread: boolean;
  canModerate: boolean;
  canEdit: boolean;
}

export interface ThreadAbilities {
  canReply: boolean;
  canEditTitle: boolean;
  /** Pin, lock and move. */
  canModerate: boolean;
}

export interface PostAbilities {
  canReply: boolean;
  canEdit: boolean;
  canDelete: boolean;
  canReact: boolean;
  canViewHistory: boolean;
  canModerate: boolean;
  /** Report the post to moderators: readers other than its author. */
  canFlag: boolean;
}

export interface CategoryDto {
  id: string;
  slug: string;
  name: string;
  description: string;
  order: number;
  visibility: CategoryVisibility;
  taskForceId: string | null;
  abilities: CategoryAbilities;
}

export interface AuthorDto {
  id: string;
  displayName: string;
  /** What others type after `@` to mention them; null only for a member not signed in since handles existed. */
  handle: string | null;
}

export interface ThreadDto {
  id: string;
  categoryId: string;
  title: string;
  author: AuthorDto | null;
  pinned: boolean;
  locked: boolean;
  /** Replies that are not removed; the opening post is not a reply. */
  replyCount: number;
  lastActivityAt: string;
  createdAt: string;
  /**
   * Posts others added since the signed-in member last read the thread (all of them if never opened; removed posts
   * still count). Always 0 in the `thread:updated` event, which is not presented per member.
   */
  unreadCount: number;
  /** Whether the signed-in member watches the thread; always false in `thread:updated`. */
  watching: boolean;
  abilities: ThreadAbilities;
}

export interface ReactionCountDto {
  reaction: ReactionKind;
  count: number;
  /** Whether the signed-in member gave this reaction. */
  mine: boolean;
}

export interface RevisionDto {
  body: string;
  editedAt: string;
  editorId: string;
}

/** A file on a post; downloaded through `GET /api/attachments/:id/download` with the post's read rule. */
export interface AttachmentDto {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  /** A re-encoded image that `GET /api/attachments/:id/preview` shows inline. */
  isImage: boolean;
}

export interface PostDto {
  id: string;
  threadId: string;
  /** The post this one hangs under in the tree; null for the opening post. */
  parentId: string | null;
  /** The post the author answered; differs from parentId only when the tree was already at maxPostDepth. */
  replyToId: string | null;
  depth: number;
  /** A removed post keeps its place in the tree but shows no author, text or reactions. */
  removed: boolean;
  body: string;
  bodyHtml: string;
  author: AuthorDto | null;
  createdAt: string;
  editedAt: string | null;
  reactions: ReactionCountDto[];
  /** Files the author attached; none are shown for a removed post. */
  attachments: AttachmentDto[];
  /** Earlier versions, oldest first; present only for the author and moderators. */
  revisions?: RevisionDto[];
  abilities: PostAbilities;
}

export interface CategoryListResponse {
  items: CategoryDto[];
}

export interface ThreadPage {
  items: ThreadDto[];
  nextCursor: string | null;
}

/** A thread with its posts in tree order (each post followed by its replies, oldest first). */
export interface ThreadDetailResponse {
  thread: ThreadDto;
  posts: PostDto[];
}

/** `POST /api/preview`: the body as it would be stored, and the PII guard's spans (offsets into the body, no text). */
export interface PreviewResponse {
  bodyHtml: string;
  pii: PiiMatch[];
}
