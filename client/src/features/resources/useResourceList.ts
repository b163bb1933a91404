import { useCallback, useState } from 'react';
import type { ResourceDto, ResourceTaskForceDto } from '../../../../shared/dto/resource.js';
import { fetchResourcePage } from '../../api/resources.js';
import type { ResourceQuery } from '../../api/resources.js';
import { usePagedList } from '../../lib/usePagedList.js';
import type { PagedListState } from '../../lib/usePagedList.js';
import { describeResourceError } from './describeResourceError.js';

export type ResourceListState = PagedListState<ResourceDto>;

/**
 * The library's results for a query, paged with "Load more". Also remembers every task force seen in results, to
 * offer as task force filters (there is no task force directory for members yet).
 */
export function useResourceList(query: ResourceQuery) {
  const [taskForces, setTaskForces] = useState<ReadonlyMap<string, ResourceTaskForceDto>>(new Map());
  const rememberTaskForces = useCallback((items: ResourceDto[]) => {
    setTaskForces((known) => {
      const unseen = items.flatMap((r) => (r.taskForce && !known.has(r.taskForce.id) ? [r.taskForce] : []));
      return unseen.length ? new Map([...known, ...unseen.map((t) => [t.id, t] as const)]) : known;
    });
  }, []);
  const { state: list, loadMore, retry } = usePagedList(query, fetchResourcePage, describeResourceError, rememberTaskForces);
  return { list, taskForces, loadMore, retry };
}
