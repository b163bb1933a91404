import type { AuthorDto } from './discussion.js';

/** Why a member flags a post. `other` needs a note. */
export const flagReasons = ['pii', 'harassment', 'spam', 'off_topic', 'other'] as const;
export type FlagReason = (typeof flagReasons)[number];

/** Flags start open; resolving them belongs to the moderation actions that come later. */
export const flagStatuses = ['open', 'resolved', 'dismissed'] as const;
export type FlagStatus = (typeof flagStatuses)[number];

export const flagNoteMaxLength = 500;

/** The flagged post as the queue shows it: a plain-text excerpt, never its HTML. */
export interface FlaggedPostDto {
  id: string;
  threadId: string;
  threadTitle: string;
  categoryId: string;
  excerpt: string;
  author: AuthorDto | null;
  removed: boolean;
}

export interface FlagDto {
  id: string;
  reason: FlagReason;
  note: string;
  status: FlagStatus;
  reporter: AuthorDto | null;
  createdAt: string;
  /** Null when the post no longer exists. */
  post: FlaggedPostDto | null;
}

export interface FlagCreatedResponse {
  flag: FlagDto;
}

export interface FlagPage {
  items: FlagDto[];
  nextCursor: string | null;
}
