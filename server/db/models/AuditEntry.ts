import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';

/**
 * The append-only audit log. Every query that would change or remove an entry is refused here, at the
 * model, so that no code path can do it by accident.
 */
const auditEntrySchema = new Schema(
  {
    at: { type: Date, required: true, default: () => new Date(), immutable: true },
    actorId: { type: Schema.Types.ObjectId, ref: 'Member', default: null, immutable: true },
    actorLabel: { type: String, maxlength: 320, default: '', immutable: true },
    action: { type: String, required: true, maxlength: 100, immutable: true },
    target: { type: String, maxlength: 200, default: '', immutable: true },
    outcome: { type: String, enum: ['success', 'failure', 'refused'], required: true, immutable: true },
    ip: { type: String, maxlength: 64, default: '', immutable: true },
    userAgent: { type: String, maxlength: 512, default: '', immutable: true },
    details: { type: Schema.Types.Mixed, default: {}, immutable: true },
  },
  { versionKey: false },
);
auditEntrySchema.index({ at: -1 });
auditEntrySchema.index({ action: 1, at: -1 });
auditEntrySchema.index({ actorId: 1, at: -1 });

const refuse = () => {
  throw new Error('The audit log is append-only');
};
for (const op of ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace', 'deleteOne', 'deleteMany', 'findOneAndDelete'] as const) {
  auditEntrySchema.pre(op, refuse);
}
auditEntrySchema.pre('save', function refuseResave() {
  if (!this.isNew) refuse();
});

export type AuditEntryFields = InferSchemaType<typeof auditEntrySchema>;
export type AuditEntryDoc = HydratedDocument<AuditEntryFields>;
export const AuditEntry = model('AuditEntry', auditEntrySchema);
