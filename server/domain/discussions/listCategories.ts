import { Category, type CategoryDoc } from '../../db/models/Category.js';
import type { Viewer } from '../../policies/index.js';
import { readableSpaceFilter } from './readable.js';

/** The categories the viewer may read, in their display order. */
export function listCategories(viewer: Viewer): Promise<CategoryDoc[]> {
  return Category.find(readableSpaceFilter(viewer)).sort({ order: 1, name: 1, _id: 1 });
}
