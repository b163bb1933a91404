import { conflict } from '../../errors.js';
import { authorize, canModerateThread, isFrozenFor, type PostFacts, type Viewer } from '../../policies/index.js';

/**
 * Editing and removing a post: someone who is neither its author nor a moderator is refused (403) before any
 * state is revealed; a removed post or a locked thread is then a conflict (409), as for replies.
 */
export function assertMayChangePost(viewer: Viewer, facts: PostFacts, allowed: (v: Viewer, p: PostFacts) => boolean): void {
  authorize(facts.authorId === viewer.id || canModerateThread(viewer, facts.thread), 'Only the author or a moderator can change this post.');
  if (facts.removed) throw conflict('That post was removed.');
  if (isFrozenFor(viewer, facts.thread)) throw conflict('This thread is locked.');
  authorize(allowed(viewer, facts));
}
