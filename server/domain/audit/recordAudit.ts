import type { ClientSession } from 'mongoose';
import { AuditEntry } from '../../db/models/AuditEntry.js';

export interface AuditInput {
  actorId?: string | null;
  actorLabel?: string;
  action: string;
  target?: string;
  outcome: 'success' | 'failure' | 'refused';
  ip?: string;
  userAgent?: string;
  /** Reason codes and ids only: never assertion text, message bodies or anything a member typed. */
  details?: Record<string, unknown>;
}

/** Appends one entry to the audit log (inside the caller's transaction when given one). */
export async function recordAudit(input: AuditInput, session?: ClientSession): Promise<void> {
  await AuditEntry.create(
    [
      {
        actorId: input.actorId ?? null,
        actorLabel: (input.actorLabel ?? '').slice(0, 320),
        action: input.action,
        target: (input.target ?? '').slice(0, 200),
        outcome: input.outcome,
        ip: (input.ip ?? '').slice(0, 64),
        userAgent: (input.userAgent ?? '').slice(0, 512),
        details: input.details ?? {},
      },
    ],
    { session },
  );
}
