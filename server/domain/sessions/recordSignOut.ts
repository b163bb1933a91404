import { events } from '../../events/bus.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { RequestMeta } from '../context.js';

/** After a session was destroyed at the member's request: audit it and let its live sockets go. */
export async function recordSignOut({ memberId, sessionId, meta }: { memberId: string; sessionId: string; meta: RequestMeta }): Promise<void> {
  await recordAudit({ ...meta, actorId: memberId, action: 'auth.logout', target: `member:${memberId}`, outcome: 'success' });
  events.publish('session.ended', { sessionId, reason: 'signed_out' });
}
