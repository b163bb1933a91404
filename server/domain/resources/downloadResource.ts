import { Resource, type ResourceDoc } from '../../db/models/Resource.js';
import { notFound } from '../../errors.js';
import { viewerOf } from '../../policies/index.js';
import { recordAudit } from '../audit/recordAudit.js';
import type { Actor } from '../context.js';
import { auditActorFields } from '../discussions/auditOf.js';
import { findReadableResource } from './readable.js';

type Version = ResourceDoc['versions'][number];

/**
 * Authorizes one download (every request: there are no public URLs), writes it to the audit log and counts it.
 * A Range request that does not start at byte 0 continues a download already counted; image previews are audited
 * but not counted.
 */
export async function downloadResource({ actor, resourceId, versionNumber, continuing, preview = false }: { actor: Actor; resourceId: string; versionNumber?: number; continuing: boolean; preview?: boolean }): Promise<{ resource: ResourceDoc; version: Version }> {
  const resource = await findReadableResource(viewerOf(actor.member), resourceId);
  const version = versionNumber === undefined ? resource.versions.at(-1) : resource.versions.find((v) => v.number === versionNumber);
  if (!version) throw notFound(resource.url ? 'This resource is a link; open its url instead.' : 'No such version.');
  if (preview && !version.isImage) throw notFound('Only images have a preview.');
  await recordAudit({ ...auditActorFields(actor), action: preview ? 'resource.previewed' : 'resource.downloaded', target: `resource:${resource.id}`, details: { version: version.number, continuing } });
  if (!continuing && !preview) await Resource.updateOne({ _id: resource._id }, { $inc: { downloadCount: 1 } });
  return { resource, version };
}
