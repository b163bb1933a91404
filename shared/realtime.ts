/** Typed Socket.IO events and room names: the real-time half of the contract (../shared/API.md "Real-time"). */

export type SessionEndedReason = 'signed_out' | 'suspended' | 'deprovisioned' | 'expired';

export interface ServerToClientEvents {
  /** The session this socket belongs to has ended; the server disconnects right after. */
  'session:ended': (payload: { reason: SessionEndedReason }) => void;
}

/** Every client request is acked: `{ok:true}` or the contract's error body. */
export type Ack = (reply: { ok: true } | { ok: false; error: { code: string; message: string } }) => void;

export interface ClientToServerEvents {
  ping: (ack: (reply: { ok: true }) => void) => void;
  /** Joins `thread:<id>` only after the same read check as `GET /api/threads/:id`. */
  'thread:join': (payload: { threadId: string }, ack: Ack) => void;
  'thread:leave': (payload: { threadId: string }, ack: Ack) => void;
}

export const serverEvents = ['session:ended'] as const satisfies readonly (keyof ServerToClientEvents)[];

export const memberRoom = (memberId: string): string => `member:${memberId}`;
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;
export const threadRoom = (threadId: string): string => `thread:${threadId}`;
