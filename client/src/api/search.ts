import type { SearchFilter, SearchPage } from '../../../shared/dto/search.js';
import { requestJson } from './http.js';

/** What the search page asks for: the words, and one filter (all kinds when absent). */
export interface SearchRequest {
  q: string;
  kind?: SearchFilter;
}

export function fetchSearchPage(request: SearchRequest, cursor: string | null, signal?: AbortSignal): Promise<SearchPage> {
  const params = new URLSearchParams({ q: request.q });
  if (request.kind) params.set('kind', request.kind);
  if (cursor) params.set('cursor', cursor);
  return requestJson<SearchPage>(`/api/search?${params.toString()}`, { signal });
}
