import { useCallback, useEffect, useState } from 'react';

export interface PagedListState<Item> {
  items: Item[];
  nextCursor: string | null;
  /** `idle` only while there is no query to load (an empty search). */
  status: 'idle' | 'loading' | 'loadingMore' | 'ready' | 'failed';
  message?: string;
  /** How many items the last "Load more" added, for its announcement and focus; 0 after a fresh query. */
  added: number;
}

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

const idle: PagedListState<never> = { items: [], nextCursor: null, status: 'idle', added: 0 };
const loading: PagedListState<never> = { ...idle, status: 'loading' };

/**
 * A list paged with "Load more": a new query starts again from its first page, `loadMore` appends the next one and
 * `retry` repeats the request that failed. `null` means there is nothing to load yet.
 *
 * `fetchPage`, `describeError` and `onPage` must keep their identity between renders (module functions or
 * `useCallback`): they are effect dependencies, and a new function would load the page again.
 */
export function usePagedList<Query, Item>(
  query: Query | null,
  fetchPage: (query: Query, cursor: string | null, signal: AbortSignal) => Promise<Page<Item>>,
  describeError: (error: unknown) => string,
  onPage?: (items: Item[]) => void,
) {
  // Compared by value, so a query rebuilt with the same fields on each render does not load again.
  const key = query === null ? '' : JSON.stringify(query);
  const [loadedKey, setLoadedKey] = useState(key);
  const [cursor, setCursor] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<PagedListState<Item>>(key ? loading : idle);

  // State adjusted during render, so the previous query's items are never shown under the new one.
  if (loadedKey !== key) {
    setLoadedKey(key);
    setCursor(null);
    setState(key ? loading : idle);
  }

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    fetchPage(JSON.parse(key) as Query, cursor, controller.signal).then(
      (page) => {
        setState((current) => ({
          items: cursor ? [...current.items, ...page.items] : page.items,
          nextCursor: page.nextCursor,
          status: 'ready',
          added: cursor ? page.items.length : 0,
        }));
        onPage?.(page.items);
      },
      (error: unknown) => !controller.signal.aborted && setState((current) => ({ ...current, status: 'failed', message: describeError(error) })),
    );
    return () => controller.abort();
  }, [key, cursor, attempt, fetchPage, describeError, onPage]);

  const loadMore = useCallback(() => {
    if (state.status !== 'ready' || !state.nextCursor) return;
    setState((current) => ({ ...current, status: 'loadingMore' }));
    setCursor(state.nextCursor);
  }, [state.status, state.nextCursor]);

  const retry = useCallback(() => {
    setState((current) => ({ ...current, status: current.items.length ? 'loadingMore' : 'loading' }));
    setAttempt((n) => n + 1);
  }, []);

  return { state, loadMore, retry };
}
