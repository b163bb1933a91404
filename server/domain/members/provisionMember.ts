import type { ClientSession } from 'mongoose';
import { withTransaction } from '../../db/connection.js';
import { Member, type MemberDoc } from '../../db/models/Member.js';
import { TaskForce, type TaskForceDoc } from '../../db/models/TaskForce.js';
import { disciplines, type Discipline, type Role } from '../../../shared/dto/member.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { RequestMeta } from '../context.js';
import { assignHandle } from './assignHandle.js';

export interface SamlProfile {
  nameId: string;
  email: string;
  givenName: string;
  surname: string;
  taskForceCode: string;
  discipline?: string;
  agency?: string;
}

export interface ProvisionContext extends RequestMeta {
  /** ADMIN_EMAILS: members of the staff entry with these addresses become admins. */
  adminEmails?: string[];
}

export type ProvisionResult =
  | { outcome: 'active' | 'pending'; member: MemberDoc }
  | { outcome: 'refused'; reason: string; code: 'unknown_task_force' | 'inactive_task_force' | 'suspended' };

const refusals = {
  unknown_task_force:
    'Task Force Connect is only for members of DOJ-funded ECM anti-human-trafficking task forces, and your organization is not in the task force registry.',
  inactive_task_force: 'Your task force is not currently active in the task force registry, so it cannot sign in to Task Force Connect.',
  suspended: 'Your Task Force Connect account is suspended. Contact your task force coordinator or the site administrators.',
} as const;

const asDiscipline = (value?: string): Discipline =>
  (disciplines as readonly string[]).includes(value ?? '') ? (value as Discipline) : 'other';

/**
 * Maps a verified SAML identity to a member: the assertion is necessary, the registry decides.
 * Re-run at every sign-in, so a member who moves task force moves here, and one whose task force
 * left the registry is refused.
 */
export async function provisionMember(profile: SamlProfile, ctx: ProvisionContext): Promise<ProvisionResult> {
  const meta = { ip: ctx.ip, userAgent: ctx.userAgent };
  const taskForce = await TaskForce.findOne({ code: profile.taskForceCode });
  const existing = await Member.findOne({ nameId: profile.nameId });
  const refusal = !taskForce ? 'unknown_task_force' : !taskForce.active ? 'inactive_task_force' : existing?.status === 'suspended' ? 'suspended' : null;
  if (refusal || !taskForce) {
    const code = refusal ?? 'unknown_task_force';
    await recordAudit({
      ...meta,
      actorId: existing?.id ?? null,
      actorLabel: profile.email,
      action: 'auth.signin_refused',
      target: profile.taskForceCode.slice(0, 64),
      outcome: 'refused',
      details: { reason: code },
    });
    return { outcome: 'refused', reason: refusals[code], code };
  }

  const member = await withTransaction(async (session) => {
    const doc = existing ?? new Member({ nameId: profile.nameId, taskForce: taskForce._id });
    const changes = applyProfile(doc as MemberDoc, profile, taskForce, existing === null, ctx.adminEmails ?? []);
    doc.lastSignInAt = new Date();
    await doc.save({ session });
    await auditChanges(doc as MemberDoc, changes, meta, session);
    return doc as MemberDoc;
  });
  // After the commit: a handle collision is retried against the unique index, which would abort a transaction.
  await assignHandle(member);
  return { outcome: member.status === 'active' ? 'active' : 'pending', member };
}

interface ProfileChanges {
  created: boolean;
  movedFrom: string | null;
  roleFrom: Role | null;
}

function applyProfile(member: MemberDoc, profile: SamlProfile, taskForce: TaskForceDoc, created: boolean, adminEmails: string[]): ProfileChanges {
  const email = profile.email.trim().toLowerCase();
  const isStaff = taskForce.kind === 'staff';
  const bootstrapAdmin = isStaff && adminEmails.includes(email);
  const moved = !created && !member.taskForce.equals(taskForce._id);
  const movedFrom = moved ? member.taskForce.toString() : null;
  const roleBefore = member.role as Role;

  member.set({ email, givenName: profile.givenName, surname: profile.surname, discipline: asDiscipline(profile.discipline), agency: profile.agency ?? '' });
  member.taskForce = taskForce._id;

  let role: Role = created ? 'member' : roleBefore;
  // Coordination is a role within one task force; staff roles belong to the staff entry only.
  if (moved && role === 'coordinator') role = 'member';
  if (!isStaff && (role === 'moderator' || role === 'admin')) role = 'member';
  if (bootstrapAdmin) role = 'admin';
  member.role = role;

  if (created || moved) {
    member.status = taskForce.requiresApproval && !bootstrapAdmin ? 'pending' : 'active';
    member.approvedBy = null;
    member.approvedAt = null;
  }
  return { created, movedFrom, roleFrom: roleBefore !== role && !created ? roleBefore : null };
}

async function auditChanges(member: MemberDoc, changes: ProfileChanges, meta: RequestMeta, session: ClientSession): Promise<void> {
  const base = { ...meta, actorId: member.id, actorLabel: member.email, target: `member:${member.id}`, outcome: 'success' as const };
  if (changes.created) await recordAudit({ ...base, action: 'member.provisioned', details: { status: member.status, role: member.role } }, session);
  if (changes.movedFrom) await recordAudit({ ...base, action: 'member.moved', details: { from: changes.movedFrom, to: member.taskForce.toString(), status: member.status } }, session);
  if (changes.roleFrom) await recordAudit({ ...base, action: 'member.role_changed', details: { from: changes.roleFrom, to: member.role, by: 'sign_in' } }, session);
  await recordAudit({ ...base, action: member.status === 'active' ? 'auth.signin' : 'auth.signin_pending', details: { status: member.status } }, session);
}
