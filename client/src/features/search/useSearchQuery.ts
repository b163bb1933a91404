import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { searchQueryLength } from '../../../../shared/schemas/search.js';
import type { SearchRequest } from '../../api/search.js';

/** The page's filters: every kind, discussions (threads and replies), or library resources. */
export const searchPageFilters = [
  { value: '', label: 'All' },
  { value: 'discussion', label: 'Discussions' },
  { value: 'resource', label: 'Resources' },
] as const;
export type SearchPageFilter = (typeof searchPageFilters)[number]['value'];

const isPageFilter = (value: string | null): value is SearchPageFilter => searchPageFilters.some((f) => f.value === value);

/** A query the server accepts, or null when there is nothing (or too little) to search for yet. */
export function searchRequestOf(q: string, kind: SearchPageFilter): SearchRequest | null {
  const words = q.trim().slice(0, searchQueryLength.max);
  if (words.length < searchQueryLength.min) return null;
  return kind ? { q: words, kind } : { q: words };
}

/** The search lives in the URL (`/search?q=&kind=`), so results can be bookmarked, shared and reached with Back. */
export function useSearchQuery(): { q: string; kind: SearchPageFilter; request: SearchRequest | null; setSearch(q: string, kind: SearchPageFilter): void } {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const rawKind = params.get('kind');
  // A hand-edited link with an unknown kind shows every kind rather than an error.
  const kind: SearchPageFilter = isPageFilter(rawKind) ? rawKind : '';
  const request = useMemo(() => searchRequestOf(q, kind), [q, kind]);
  const setSearch = useCallback(
    (nextQ: string, nextKind: SearchPageFilter) => {
      const next = new URLSearchParams({ q: nextQ.trim() });
      if (nextKind) next.set('kind', nextKind);
      setParams(next);
    },
    [setParams],
  );
  return { q, kind, request, setSearch };
}
