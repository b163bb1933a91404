import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { AuditEntry } from '../../server/db/models/AuditEntry.js';
import { Member } from '../../server/db/models/Member.js';
import { TaskForce } from '../../server/db/models/TaskForce.js';
import { provisionMember, type SamlProfile } from '../../server/domain/members/provisionMember.js';
import { startTestApp, type TestApp } from '../support/app.js';

const unique = () => randomBytes(4).toString('hex');

async function taskForce(fields: { requiresApproval?: boolean; active?: boolean; kind?: 'task_force' | 'staff' } = {}) {
  const code = `TF-${unique()}`;
  return TaskForce.create({ code, name: `Task force ${code}`, state: 'Ohio', fundingOffice: 'BJA', ...fields });
}

const profile = (taskForceCode: string, extra: Partial<SamlProfile> = {}): SamlProfile => ({
  nameId: `test:${unique()}`,
  email: `${unique()}@agency.test`,
  givenName: 'Pat',
  surname: 'Lee',
  taskForceCode,
  discipline: 'prosecution',
  agency: 'County Attorney',
  ...extra,
});

describe('provisionMember', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('creates an active member when the task force is open', async () => {
    const tf = await taskForce();
    const result = await provisionMember(profile(tf.code), {});
    assert.ok(result.outcome === 'active', result.outcome);
    assert.equal(result.member.role, 'member');
    assert.equal(result.member.discipline, 'prosecution');
  });

  it('leaves a new member pending when the task force requires approval', async () => {
    const tf = await taskForce({ requiresApproval: true });
    const result = await provisionMember(profile(tf.code), {});
    assert.equal(result.outcome, 'pending');
  });

  it('refuses an unknown task force and audits the refusal', async () => {
    const p = profile(`NOPE-${unique()}`);
    const result = await provisionMember(p, { ip: '127.0.0.9' });
    assert.equal(result.outcome, 'refused');
    const entry = await AuditEntry.findOne({ actorLabel: p.email, action: 'auth.signin_refused' }).lean();
    assert.equal(entry?.outcome, 'refused');
    assert.equal(entry?.ip, '127.0.0.9');
    assert.equal(await Member.countDocuments({ nameId: p.nameId }), 0);
  });

  it('refuses a member whose task force became inactive', async () => {
    const tf = await taskForce();
    const p = profile(tf.code);
    assert.equal((await provisionMember(p, {})).outcome, 'active');
    await TaskForce.updateOne({ _id: tf._id }, { active: false });
    const again = await provisionMember(p, {});
    assert.equal(again.outcome, 'refused');
  });

  it('moves a member whose task force attribute changed, dropping a coordinator role and re-requiring approval', async () => {
    const from = await taskForce();
    const to = await taskForce({ requiresApproval: true });
    const p = profile(from.code);
    const first = await provisionMember(p, {});
    assert.ok(first.outcome === 'active');
    await Member.updateOne({ _id: first.member._id }, { role: 'coordinator' });
    const moved = await provisionMember({ ...p, taskForceCode: to.code, agency: 'State Police' }, {});
    assert.equal(moved.outcome, 'pending');
    const stored = await Member.findOne({ nameId: p.nameId }).lean();
    assert.equal(stored?.taskForce.toString(), to.id);
    assert.equal(stored?.role, 'member');
    assert.equal(stored?.agency, 'State Police');
    assert.ok(await AuditEntry.exists({ action: 'member.moved', actorId: first.member._id }));
  });

  it('keeps a suspended member out', async () => {
    const tf = await taskForce();
    const p = profile(tf.code);
    const first = await provisionMember(p, {});
    assert.ok(first.outcome !== 'refused');
    await Member.updateOne({ _id: first.member._id }, { status: 'suspended' });
    const again = await provisionMember(p, {});
    assert.equal(again.outcome, 'refused');
    assert.ok(again.outcome === 'refused' && again.code === 'suspended');
  });

  it('makes ADMIN_EMAILS admins only within the staff entry', async () => {
    const staff = await taskForce({ kind: 'staff' });
    const other = await taskForce();
    const email = `${unique()}@tta.test`;
    const admin = await provisionMember(profile(staff.code, { email }), { adminEmails: [email] });
    assert.ok(admin.outcome === 'active' && admin.member.role === 'admin');
    const notStaff = await provisionMember(profile(other.code, { email: `${unique()}@x.test` }), { adminEmails: [email] });
    assert.ok(notStaff.outcome === 'active' && notStaff.member.role === 'member');
  });
});

describe('audit log', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  it('refuses every update and delete through the model', async () => {
    const entry = await AuditEntry.create({ action: 'test.append_only', outcome: 'success' });
    await assert.rejects(AuditEntry.updateOne({ _id: entry._id }, { action: 'changed' }), /append-only/);
    await assert.rejects(AuditEntry.deleteOne({ _id: entry._id }), /append-only/);
    await assert.rejects(AuditEntry.findOneAndUpdate({ _id: entry._id }, { outcome: 'failure' }), /append-only/);
    entry.set('target', 'x');
    await assert.rejects(entry.save(), /append-only/);
    const stored = await AuditEntry.findById(entry._id).lean();
    assert.equal(stored?.action, 'test.append_only');
  });
});
