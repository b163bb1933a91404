import type { Role } from '../../shared/dto/member.js';
import type { CategoryAbilities, CategoryVisibility, PostAbilities, ThreadAbilities } from '../../shared/dto/discussion.js';

/** Who is asking; the caller loads it from the signed-in member. */
export interface Viewer {
  id: string;
  role: Role;
  taskForceId: string;
}

/** Where something lives: an open category, or one task force's private space. */
export interface SpaceFacts {
  visibility: CategoryVisibility;
  taskForceId: string | null;
}

export interface ThreadFacts {
  space: SpaceFacts;
  authorId: string;
  locked: boolean;
}

export interface PostFacts {
  thread: ThreadFacts;
  authorId: string;
  removed: boolean;
}

const isStaff = (v: Viewer) => v.role === 'moderator' || v.role === 'admin';

/** Open spaces to everyone; a private space to its task force's members, moderators and admins. */
export const canReadSpace = (v: Viewer, s: SpaceFacts): boolean =>
  s.visibility === 'open' || isStaff(v) || (s.taskForceId !== null && s.taskForceId === v.taskForceId);

/** Pin, lock, move and remove others' content: moderators and admins anywhere, coordinators in their own private space. */
export const canModerateSpace = (v: Viewer, s: SpaceFacts): boolean =>
  isStaff(v) || (v.role === 'coordinator' && s.visibility === 'private' && s.taskForceId === v.taskForceId);

export const canManageCategories = (v: Viewer): boolean => v.role === 'admin';

export const canStartThread = (v: Viewer, s: SpaceFacts): boolean => canReadSpace(v, s);

export const canModerateThread = (v: Viewer, t: ThreadFacts): boolean => canReadSpace(v, t.space) && canModerateSpace(v, t.space);

/** A locked thread is frozen for everyone but its moderators. */
export const isFrozenFor = (v: Viewer, t: ThreadFacts): boolean => t.locked && !canModerateThread(v, t);

export const canReplyToThread = (v: Viewer, t: ThreadFacts): boolean => canReadSpace(v, t.space) && !isFrozenFor(v, t);

export const canEditThreadTitle = (v: Viewer, t: ThreadFacts): boolean =>
  canModerateThread(v, t) || (canReadSpace(v, t.space) && !t.locked && t.authorId === v.id);

const canChangePost = (v: Viewer, p: PostFacts): boolean =>
  !p.removed && (canModerateThread(v, p.thread) || (canReadSpace(v, p.thread.space) && !p.thread.locked && p.authorId === v.id));

export const canEditPost = canChangePost;
export const canDeletePost = canChangePost;

export const canReactToPost = (v: Viewer, p: PostFacts): boolean => !p.removed && canReplyToThread(v, p.thread);

/** Flag a post for moderators: anyone who can read it, except its author; a removed post is gone already. */
export const canFlagPost = (v: Viewer, p: PostFacts): boolean => !p.removed && canReadSpace(v, p.thread.space) && p.authorId !== v.id;

/** Revision history: the author and the thread's moderators. */
export const canViewPostHistory = (v: Viewer, p: PostFacts): boolean =>
  canReadSpace(v, p.thread.space) && (p.authorId === v.id || canModerateThread(v, p.thread));

export const categoryAbilities = (v: Viewer, s: SpaceFacts): CategoryAbilities => ({
  canRead: canReadSpace(v, s),
  canCreateThread: canStartThread(v, s),
  canModerate: canModerateSpace(v, s),
  canEdit: canManageCategories(v),
});

export const threadAbilities = (v: Viewer, t: ThreadFacts): ThreadAbilities => ({
  canReply: canReplyToThread(v, t),
  canEditTitle: canEditThreadTitle(v, t),
  canModerate: canModerateThread(v, t),
});

export const postAbilities = (v: Viewer, p: PostFacts): PostAbilities => ({
  canReply: canReplyToThread(v, p.thread),
  canEdit: canEditPost(v, p),
  canDelete: canDeletePost(v, p),
  canReact: canReactToPost(v, p),
  canViewHistory: canViewPostHistory(v, p),
  canModerate: canModerateThread(v, p.thread),
  canFlag: canFlagPost(v, p),
});
