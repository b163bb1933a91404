import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { disciplines, memberStatuses, roles } from '../../../shared/dto/member.js';
import { limits } from '../../../shared/limits.js';

/** A person who signed in through SAML; NameID is the stable identity. */
const memberSchema = new Schema(
  {
    nameId: { type: String, required: true, maxlength: 512, unique: true },
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 320 },
    givenName: { type: String, trim: true, maxlength: 100, default: '' },
    surname: { type: String, trim: true, maxlength: 100, default: '' },
    /** The `@handle` others mention; assigned at provisioning (see domain/members/assignHandle.ts). */
    handle: { type: String, lowercase: true, trim: true, maxlength: limits.mentionHandle.max },
    role: { type: String, enum: roles, required: true, default: 'member' },
    status: { type: String, enum: memberStatuses, required: true, default: 'pending' },
    taskForce: { type: Schema.Types.ObjectId, ref: 'TaskForce', required: true, index: true },
    discipline: { type: String, enum: disciplines, required: true, default: 'other' },
    agency: { type: String, trim: true, maxlength: 200, default: '' },
    lastSignInAt: { type: Date, default: null },
    approvedBy: { type: Schema.Types.ObjectId, ref: 'Member', default: null },
    approvedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
memberSchema.index({ email: 1 });
// Unique among members that have one: members provisioned before handles existed get theirs at next sign-in.
memberSchema.index({ handle: 1 }, { unique: true, partialFilterExpression: { handle: { $type: 'string' } } });


export type MemberFields = InferSchemaType<typeof memberSchema>;
export const Member = model('Member', memberSchema);
export type MemberDoc = HydratedDocument<MemberFields>;

/** How a member's name is shown everywhere. */
export const displayNameOf = (m: Pick<MemberFields, 'givenName' | 'surname' | 'email'>): string =>
  [m.givenName, m.surname].filter(Boolean).join(' ') || m.email;
