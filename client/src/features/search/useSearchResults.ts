import type { SearchResultDto } from '../../../../shared/dto/search.js';
import { ApiError } from '../../api/http.js';
import { fetchSearchPage, type SearchRequest } from '../../api/search.js';
import { usePagedList, type PagedListState } from '../../lib/usePagedList.js';

export type SearchResultsState = PagedListState<SearchResultDto>;

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
  const { state: results, loadMore, retry } = usePagedList(request, fetchSearchPage, describeSearchError);
  return { results, loadMore, retry };
}
