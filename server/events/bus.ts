import { EventEmitter } from 'node:events';
import type { MemberDoc } from '../db/models/Member.js';
import type { PostDoc } from '../db/models/Post.js';
import type { ThreadDoc } from '../db/models/Thread.js';
import { logger, describeError } from '../logger.js';

/**
 * A post as its writer holds it right after the commit (the thread carrying the space the post was committed in),
 * so the broadcaster does not read back what was just written. Only in-process: a listener must fall back to
 * loading by id when it is absent.
 */
export interface CommittedPost {
  post: PostDoc;
  thread: ThreadDoc;
  author: MemberDoc;
}

/** Domain events, published after commit. Names are `entity.pastVerb`. */
export interface DomainEvents {
  /** The member may no longer use live sessions (suspended, deprovisioned, or signed out everywhere). */
  'member.accessRevoked': { memberId: string; reason: 'suspended' | 'deprovisioned' | 'signed_out' };
  'member.updated': { memberId: string };
  'category.created': { categoryId: string };
  'category.updated': { categoryId: string };
  'thread.created': { threadId: string; postId: string };
  /** Title, pin, lock or move; `fromCategoryId` and the space it left are set when it moved. */
  'thread.updated': { threadId: string; fromCategoryId?: string; fromSpace?: { visibility: 'open' | 'private'; taskForceId: string | null } };
  'post.created': { threadId: string; postId: string; committed?: CommittedPost };
  'post.updated': { threadId: string; postId: string };
  'post.deleted': { threadId: string; postId: string };
  'post.reacted': { threadId: string; postId: string };
  /** A notification was stored for `memberId` (after the post's commit). */
  'notification.created': { notificationId: string; memberId: string };
  /** One session ended at the member's request. */
  'session.ended': { sessionId: string; reason: 'signed_out' };
}

type Handler<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => void | Promise<void>;

const emitter = new EventEmitter();
emitter.setMaxListeners(100);

export const events = {
  /** Handlers run after the caller's transaction committed; one handler's failure never reaches the caller. */
  publish<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void {
    for (const listener of emitter.listeners(name) as Handler<K>[]) {
      Promise.resolve()
        .then(() => listener(payload))
        .catch((err: unknown) => logger.error({ event: name, err: describeError(err) }, 'event handler failed'));
    }
  },
  subscribe<K extends keyof DomainEvents>(name: K, handler: Handler<K>): () => void {
    emitter.on(name, handler);
    return () => emitter.off(name, handler);
  },
};
