import type { Role } from '../../shared/dto/member.js';
import type { CategoryVisibility } from '../../shared/dto/discussion.js';
import type { PostFacts, SpaceFacts, ThreadFacts, Viewer } from './discussion.js';

// Structural shapes of the stored documents, so these rules stay free of the database layer.
type IdLike = { toString(): string };
interface SpaceSource {
  visibility: string;
  taskForce?: IdLike | null;
}
interface ThreadSource extends SpaceSource {
  author: IdLike;
  locked: boolean;
}
interface PostSource {
  author: IdLike;
  deletedAt?: Date | null;
}

export const viewerOf = (member: { id: string; role: string; taskForce: IdLike }): Viewer => ({
  id: member.id,
  role: member.role as Role,
  taskForceId: member.taskForce.toString(),
});

/** A category or a thread (which carries a copy of its category's visibility). */
export const spaceOf = (source: SpaceSource): SpaceFacts => ({
  visibility: source.visibility as CategoryVisibility,
  taskForceId: source.taskForce ? source.taskForce.toString() : null,
});

export const threadFactsOf = (thread: ThreadSource): ThreadFacts => ({
  space: spaceOf(thread),
  authorId: thread.author.toString(),
  locked: thread.locked,
});

export const postFactsOf = (post: PostSource, thread: ThreadSource): PostFacts => ({
  thread: threadFactsOf(thread),
  authorId: post.author.toString(),
  removed: Boolean(post.deletedAt),
});
