import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';

/** The registry of funded task forces (and the TTA staff entry): sign-in is only for their members. */
const taskForceSchema = new Schema(
  {
    code: { type: String, required: true, trim: true, maxlength: 64, unique: true },
    name: { type: String, required: true, trim: true, maxlength: 200 },
    state: { type: String, trim: true, maxlength: 64, default: '' },
    grantNumber: { type: String, trim: true, maxlength: 64, default: '' },
    fundingOffice: { type: String, enum: ['BJA', 'OVC', null], default: null },
    kind: { type: String, enum: ['task_force', 'staff'], required: true, default: 'task_force' },
    active: { type: Boolean, required: true, default: true },
    requiresApproval: { type: Boolean, required: true, default: false },
  },
  { timestamps: true },
);

export type TaskForceFields = InferSchemaType<typeof taskForceSchema>;
export type TaskForceDoc = HydratedDocument<TaskForceFields>;
export const TaskForce = model('TaskForce', taskForceSchema);
