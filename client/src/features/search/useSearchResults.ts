import { useCallback, useEffect, useState } from 'react';
import type { SearchResultDto } from '../../../../shared/dto/search.js';
import { ApiError } from '../../api/http.js';
import { fetchSearchPage, type SearchRequest } from '../../api/search.js';

export interface SearchResultsState {
  items: SearchResultDto[];
  nextCursor: string | null;
  status: 'idle' | 'loading' | 'loadingMore' | 'ready' | 'failed';
  message?: string;
  /** How many items the last "Load more" added, for its announcement and focus; 0 after a fresh search. */
  added: number;
}

const idle: SearchResultsState = { items: [], nextCursor: null, status: 'idle', added: 0 };
const loading: SearchResultsState = { ...idle, status: 'loading' };

function describeSearchError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  switch (error.code) {
    case 'validation_failed':
      return 'These words cannot be searched. Use 2 to 200 characters and try again.';
    case 'rate_limited':
      return 'You are searching quickly. Wait a moment and try again.';
    case 'unauthenticated':
      return 'Your session ended. Sign in again.';
    default:
      return 'Search is not available right now. Try again in a moment.';
  }
}

/** The results of one search, paged with "Load more"; a new search starts again from its first page. */
export function useSearchResults(request: SearchRequest | null) {
  const key = request ? JSON.stringify(request) : '';
  const [loadedKey, setLoadedKey] = useState(key);
  const [cursor, setCursor] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [results, setResults] = useState<SearchResultsState>(key ? loading : idle);

  // State adjusted during render, so the previous search's results are never shown under the new words.
  if (loadedKey !== key) {
    setLoadedKey(key);
    setCursor(null);
    setResults(key ? loading : idle);
  }

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    fetchSearchPage(JSON.parse(key) as SearchRequest, cursor, controller.signal).then(
      (page) =>
        setResults((current) => ({
          items: cursor ? [...current.items, ...page.items] : page.items,
          nextCursor: page.nextCursor,
          status: 'ready',
          added: cursor ? page.items.length : 0,
        })),
      (error: unknown) => !controller.signal.aborted && setResults((current) => ({ ...current, status: 'failed', message: describeSearchError(error) })),
    );
    return () => controller.abort();
  }, [key, cursor, attempt]);

  const loadMore = useCallback(() => {
    if (results.status !== 'ready' || !results.nextCursor) return;
    setResults((current) => ({ ...current, status: 'loadingMore' }));
    setCursor(results.nextCursor);
  }, [results.status, results.nextCursor]);

  const retry = useCallback(() => {
    setResults((current) => ({ ...current, status: current.items.length ? 'loadingMore' : 'loading' }));
    setAttempt((n) => n + 1);
  }, []);

  return { results, loadMore, retry };
}
