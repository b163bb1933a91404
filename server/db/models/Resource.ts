import { Schema, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { disciplines } from '../../../shared/dto/member.js';
import { resourceTypes, resourceVisibilities } from '../../../shared/dto/resource.js';
import { resourceLimits } from '../../../shared/limits.js';

/** One stored file of a resource. Written only after its bytes are complete in FileStorage. */
const versionSchema = new Schema(
  {
    number: { type: Number, required: true, min: 1 },
    storageKey: { type: String, required: true },
    fileName: { type: String, required: true, maxlength: resourceLimits.fileName.max },
    contentType: { type: String, required: true },
    size: { type: Number, required: true, min: 0 },
    sha256: { type: String, required: true },
    isImage: { type: Boolean, required: true, default: false },
    uploadedBy: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
    uploadedAt: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * A shared document, template or link. `visibility` + `taskForce` (the uploader's) are the read rule every query
 * carries; `searchText` is text extracted from the latest file, for the text index.
 */
const resourceSchema = new Schema(
  {
    title: { type: String, required: true, trim: true, maxlength: resourceLimits.title.max },
    description: { type: String, default: '', maxlength: resourceLimits.description.max },
    tags: { type: [String], default: [] },
    type: { type: String, enum: resourceTypes, required: true },
    visibility: { type: String, enum: resourceVisibilities, required: true },
    taskForce: { type: Schema.Types.ObjectId, ref: 'TaskForce', required: true },
    discipline: { type: String, enum: disciplines, required: true },
    uploader: { type: Schema.Types.ObjectId, ref: 'Member', required: true },
    url: { type: String, default: null, maxlength: resourceLimits.url.max },
    /** Oldest first; the last one is what a download without `?version=` gets. */
    versions: { type: [versionSchema], default: [] },
    downloadCount: { type: Number, required: true, default: 0 },
    searchText: { type: String, default: '' },
    deletedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
resourceSchema.index({ title: 'text', tags: 'text', description: 'text', searchText: 'text' }, { weights: { title: 10, tags: 6, description: 3, searchText: 1 }, name: 'resource_text' });
resourceSchema.index({ visibility: 1, taskForce: 1, _id: -1 });
resourceSchema.index({ downloadCount: -1, _id: -1 });
resourceSchema.index({ tags: 1 });
resourceSchema.index({ 'versions.storageKey': 1 });

export type ResourceFields = InferSchemaType<typeof resourceSchema>;
export type ResourceDoc = HydratedDocument<ResourceFields>;
export const Resource = model('Resource', resourceSchema);
