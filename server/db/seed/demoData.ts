import type { Logger } from 'pino';
import { devPersonas } from '../../auth/devIdp/personas.js';
import { assignHandle } from '../../domain/members/assignHandle.js';
import { Category } from '../models/Category.js';
import { Member } from '../models/Member.js';
import { TaskForce } from '../models/TaskForce.js';

export const STAFF_TASK_FORCE_CODE = 'TTA-STAFF';

const demoTaskForces = [
  { code: 'DEMO-A', name: 'Demo Task Force A', state: 'Ohio', grantNumber: '15PBJA-25-GG-00001-HT', fundingOffice: 'BJA', kind: 'task_force', active: true, requiresApproval: false },
  { code: 'DEMO-B', name: 'Demo Task Force B', state: 'Arizona', grantNumber: '15POVC-25-GG-00002-HT', fundingOffice: 'OVC', kind: 'task_force', active: true, requiresApproval: true },
  { code: STAFF_TASK_FORCE_CODE, name: 'TTA Provider Staff', state: '', grantNumber: '', fundingOffice: null, kind: 'staff', active: true, requiresApproval: false },
] as const;

const openCategories = [
  ['labor-trafficking', 'Labor Trafficking', 'Identifying and investigating forced labor and labor exploitation.'],
  ['sex-trafficking', 'Sex Trafficking', 'Investigation, intervention and prosecution of sex trafficking.'],
  ['victim-services', 'Victim Services', 'Trauma-informed, victim-centered services and referrals.'],
  ['prosecution', 'Prosecution', 'Charging, trial strategy and prosecution review.'],
  ['investigations-technology', 'Investigations & Technology', 'Digital evidence, analysis and investigative tools.'],
  ['task-force-operations', 'Task Force Operations', 'Protocols, MOUs, information sharing and task force management.'],
] as const;

/**
 * Seeds the demo registry, the personas' roles and the categories. Idempotent: only what is missing
 * is created, and nothing a person changed since is overwritten.
 */
export async function seedDemoData(logger: Logger): Promise<void> {
  for (const tf of demoTaskForces) {
    await TaskForce.updateOne({ code: tf.code }, { $setOnInsert: tf }, { upsert: true });
  }
  const taskForces = new Map((await TaskForce.find({ code: { $in: demoTaskForces.map((t) => t.code) } })).map((t) => [t.code, t]));

  for (const p of devPersonas) {
    const taskForce = taskForces.get(p.taskForceCode);
    if (!taskForce || !p.demoPreApproved) continue;
    await Member.updateOne(
      { nameId: p.nameId },
      { $setOnInsert: { nameId: p.nameId, email: p.email, givenName: p.givenName, surname: p.surname, role: p.demoRole, status: 'active', taskForce: taskForce._id, discipline: p.discipline, agency: p.agency } },
      { upsert: true },
    );
  }

  // Personas seeded before handles existed, or just now, get one (sign-in would also assign it).
  const personaNameIds = devPersonas.map((p) => p.nameId);
  for (const member of await Member.find({ nameId: { $in: personaNameIds }, handle: { $exists: false } })) await assignHandle(member);

  let order = 0;
  for (const [slug, name, description] of openCategories) {
    await Category.updateOne({ slug }, { $setOnInsert: { slug, name, description, order: order++, visibility: 'open', taskForce: null } }, { upsert: true });
  }
  for (const tf of taskForces.values()) {
    if (tf.kind !== 'task_force') continue;
    const slug = `private-${tf.code.toLowerCase()}`;
    await Category.updateOne(
      { slug },
      { $setOnInsert: { slug, name: `${tf.name} (private)`, description: `Private space for members of ${tf.name}.`, order: 100 + order++, visibility: 'private', taskForce: tf._id } },
      { upsert: true },
    );
  }
  logger.info({ taskForces: taskForces.size, personas: devPersonas.length }, 'demo data ready');
}

/** Every deployment needs the TTA staff entry: moderators and admins belong to it. */
export async function ensureStaffEntry(): Promise<void> {
  const staff = demoTaskForces.find((t) => t.kind === 'staff')!;
  await TaskForce.updateOne({ code: STAFF_TASK_FORCE_CODE }, { $setOnInsert: staff }, { upsert: true });
}
