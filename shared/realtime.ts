/** Typed Socket.IO events and room names: the real-time half of the contract (../shared/API.md "Real-time"). */
import type { PostDto, ThreadDto } from './dto/discussion.js';
import type { NotificationDto } from './dto/notification.js';

export type SessionEndedReason = 'signed_out' | 'suspended' | 'deprovisioned' | 'expired';

export interface ServerToClientEvents {
  /** The session this socket belongs to has ended; the server disconnects right after. */
  'session:ended': (payload: { reason: SessionEndedReason }) => void;
  /**
   * A post as `GET /api/threads/:id` presents it to a reader of the thread who is not its author; members of the
   * thread's moderators room get it with moderator abilities instead. `reactions[].mine` is always false here.
   */
  'post:created': (post: PostDto) => void;
  'post:updated': (post: PostDto) => void;
  'post:deleted': (post: PostDto) => void;
  /**
   * A thread was retitled, pinned, locked or moved, presented as to a plain reader (moderators' room: with moderator
   * abilities). Not per member: `unreadCount` is 0 and `watching` false here; keep the values you already have.
   * After a move, sockets that may no longer read the thread are removed from its room before this is sent.
   */
  'thread:updated': (thread: ThreadDto) => void;
  /** To `member:<id>`: a new notification for that member, as `GET /api/notifications` presents it. */
  'notification:new': (notification: NotificationDto) => void;
}

/** Every client request is acked: `{ok:true}` or the contract's error body. */
export type Ack = (reply: { ok: true } | { ok: false; error: { code: string; message: string } }) => void;

export interface ClientToServerEvents {
  ping: (ack: (reply: { ok: true }) => void) => void;
  /** Joins `thread:<id>` only after the same read check as `GET /api/threads/:id`. */
  'thread:join': (payload: { threadId: string }, ack: Ack) => void;
  'thread:leave': (payload: { threadId: string }, ack: Ack) => void;
}

export const serverEvents = ['session:ended', 'post:created', 'post:updated', 'post:deleted', 'thread:updated', 'notification:new'] as const satisfies readonly (keyof ServerToClientEvents)[];

export const memberRoom = (memberId: string): string => `member:${memberId}`;
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;
/**
 * A thread's room is named for the space the thread is in: `thread:<id>` while it is open, `thread:<id>@<taskForceId>`
 * while it is private to one task force. Moving a thread renames its room, so nothing sent after a move can reach a
 * socket (or a session restored by connection-state recovery) that joined under the old space; the server moves the
 * sockets that may still read it into the new room.
 */
export const threadRoom = (threadId: string, privateTo: string | null = null): string => (privateTo ? `thread:${threadId}@${privateTo}` : `thread:${threadId}`);
/** Sockets that may moderate the thread also join this room, to receive payloads with moderator abilities. */
export const threadModeratorsRoom = (threadId: string, privateTo: string | null = null): string => `${threadRoom(threadId, privateTo)}:moderators`;
/** Whether `room` is one of the rooms of the thread, in any space. */
export const isRoomOfThread = (room: string, threadId: string): boolean => room === `thread:${threadId}` || room.startsWith(`thread:${threadId}@`) || room.startsWith(`thread:${threadId}:`);
