import { useCallback, useEffect, useState } from 'react';
import type { ResourceDto, ResourceTaskForceDto } from '../../../../shared/dto/resource.js';
import { fetchResourcePage } from '../../api/resources.js';
import type { ResourceQuery } from '../../api/resources.js';
import { describeResourceError } from './describeResourceError.js';

export interface ResourceListState {
  items: ResourceDto[];
  nextCursor: string | null;
  status: 'loading' | 'loadingMore' | 'ready' | 'failed';
  message?: string;
  /** How many items the last "Load more" added, for its announcement and focus; 0 after a fresh search. */
  added: number;
}

const fresh: ResourceListState = { items: [], nextCursor: null, status: 'loading', added: 0 };

/**
 * The library's results for a query, paged with "Load more". Also remembers every task force seen in results, to
 * offer as task force filters (there is no task force directory for members yet).
 */
export function useResourceList(query: ResourceQuery) {
  const key = JSON.stringify(query);
  const [loadedKey, setLoadedKey] = useState(key);
  const [cursor, setCursor] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [list, setList] = useState<ResourceListState>(fresh);
  const [taskForces, setTaskForces] = useState<ReadonlyMap<string, ResourceTaskForceDto>>(new Map());

  // A new query starts from its first page (state adjusted during render, before the stale list is shown).
  if (loadedKey !== key) {
    setLoadedKey(key);
    setCursor(null);
    setList(fresh);
  }

  useEffect(() => {
    const controller = new AbortController();
    fetchResourcePage(JSON.parse(key) as ResourceQuery, cursor, controller.signal).then(
      (page) => {
        setList((current) => ({
          items: cursor ? [...current.items, ...page.items] : page.items,
          nextCursor: page.nextCursor,
          status: 'ready',
          added: cursor ? page.items.length : 0,
        }));
        setTaskForces((known) => {
          const unseen = page.items.flatMap((r) => (r.taskForce && !known.has(r.taskForce.id) ? [r.taskForce] : []));
          return unseen.length ? new Map([...known, ...unseen.map((t) => [t.id, t] as const)]) : known;
        });
      },
      (error: unknown) => !controller.signal.aborted && setList((current) => ({ ...current, status: 'failed', message: describeResourceError(error) })),
    );
    return () => controller.abort();
  }, [key, cursor, attempt]);

  const loadMore = useCallback(() => {
    if (list.status !== 'ready' || !list.nextCursor) return;
    setList((current) => ({ ...current, status: 'loadingMore' }));
    setCursor(list.nextCursor);
  }, [list.status, list.nextCursor]);

  const retry = useCallback(() => {
    setList((current) => ({ ...current, status: current.items.length ? 'loadingMore' : 'loading' }));
    setAttempt((n) => n + 1);
  }, []);

  return { list, taskForces, loadMore, retry };
}
