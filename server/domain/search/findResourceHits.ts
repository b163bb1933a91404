import { Resource, type ResourceDoc } from '../../db/models/Resource.js';
import type { Viewer } from '../../policies/index.js';
import { readableResourceFilter } from '../resources/readable.js';
import type { Scored, TextSearch } from './findHits.js';

/**
 * The resource index weighs title 10, tags 6, description 3, extracted text 1 (models/Resource.ts); the thread and
 * post indexes weigh their one field 1. Dividing a resource's score by the heaviest weight puts a title match on the
 * scale of a thread title match, and lighter fields below it, so one sort can rank all kinds. Kept raw otherwise:
 * normalising by each kind's best score would make the best resource tie the best thread however weak either is.
 */
const resourceScoreScale = 10;

/** What ranking and presenting need of a resource: not its versions, nor its (possibly long) file text. */
const hitFields: Record<string, unknown> = { title: 1, description: 1, type: 1, uploader: 1, createdAt: 1, score: { $meta: 'textScore' } };

/** The best `want` resources the viewer may read whose text matches; deleted ones never match (the read rule). */
export async function findResourceHits(text: TextSearch, viewer: Viewer, want: number): Promise<Scored<ResourceDoc>[]> {
  // Typed as whole documents: the hit, its snippet and presenter read only the projected fields.
  const found = await Resource.find<ResourceDoc>({ $text: text, ...readableResourceFilter(viewer) }, hitFields)
    .sort({ score: { $meta: 'textScore' }, createdAt: -1, _id: -1 })
    .limit(want);
  return found.map((doc) => ({ doc, score: Number(doc.get('score')) / resourceScoreScale }));
}
