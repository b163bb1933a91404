/** Typed Socket.IO events and room names: the real-time half of the contract (../shared/API.md "Real-time"). */

export type SessionEndedReason = 'signed_out' | 'suspended' | 'deprovisioned' | 'expired';

export interface ServerToClientEvents {
  /** The session this socket belongs to has ended; the server disconnects right after. */
  'session:ended': (payload: { reason: SessionEndedReason }) => void;
}

export interface ClientToServerEvents {
  /** Placeholder until thread rooms land; every client event is acked. */
  ping: (ack: (reply: { ok: true }) => void) => void;
}

export const serverEvents = ['session:ended'] as const satisfies readonly (keyof ServerToClientEvents)[];

export const memberRoom = (memberId: string): string => `member:${memberId}`;
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;
export const threadRoom = (threadId: string): string => `thread:${threadId}`;
