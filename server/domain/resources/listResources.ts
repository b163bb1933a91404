import { Types, type SortOrder } from 'mongoose';
import { Resource, type ResourceDoc } from '../../db/models/Resource.js';
import { validationFailed } from '../../errors.js';
import type { Viewer } from '../../policies/index.js';
import type { ListResourcesQuery } from '../../../shared/schemas/resources.js';
import { afterResourceCursor, decodeResourceCursor, encodeResourceCursor, type ResourceCursor } from './resourceCursor.js';
import { readableResourceFilter } from './readable.js';

/** Text search pages by offset, so it stops after this many results. */
const MAX_SEARCH_OFFSET = 1_000;

/** The library: filters, sort and text search, with the read rule inside the query. */
export async function listResources({ viewer, query }: { viewer: Viewer; query: ListResourcesQuery }): Promise<{ resources: ResourceDoc[]; nextCursor: string | null }> {
  const position = query.cursor ? decodeResourceCursor(query.cursor) : null;
  const searching = query.q !== undefined;
  if (position && searching !== 'o' in position) throw validationFailed([{ path: 'query.cursor', message: 'belongs to a different listing' }]);
  if (position && !searching && 'c' in position !== (query.sort === 'popular')) throw validationFailed([{ path: 'query.cursor', message: 'belongs to a different sort' }]);

  // The read rule and the cursor each may use `$or`: spread into one object the second would replace the first, so
  // they are joined with `$and`.
  const filter = {
    $and: [readableResourceFilter(viewer), position ? afterResourceCursor(position) : {}],
    ...(query.q ? { $text: { $search: query.q } } : {}),
    ...(query.tag ? { tags: query.tag } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(query.taskForce ? { taskForce: new Types.ObjectId(query.taskForce) } : {}),
    ...(query.discipline ? { discipline: query.discipline } : {}),
  };
  const sort: Record<string, SortOrder | { $meta: 'textScore' }> = searching
    ? { score: { $meta: 'textScore' }, _id: -1 }
    : query.sort === 'popular' ? { downloadCount: -1, _id: -1 } : { _id: -1 };
  const offset = position && 'o' in position ? position.o : 0;
  let cursor = Resource.find(filter, searching ? { score: { $meta: 'textScore' } } : {}).sort(sort);
  if (offset) cursor = cursor.skip(offset);
  const found = await cursor.limit(query.limit + 1);

  const resources = found.slice(0, query.limit);
  const last = resources.at(-1);
  let next: ResourceCursor | null = null;
  if (found.length > query.limit && last) {
    if (searching) next = offset + query.limit < MAX_SEARCH_OFFSET ? { o: offset + query.limit } : null;
    else next = query.sort === 'popular' ? { c: last.downloadCount, id: last.id as string } : { id: last.id as string };
  }
  return { resources, nextCursor: next ? encodeResourceCursor(next) : null };
}
