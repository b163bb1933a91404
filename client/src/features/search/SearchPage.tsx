import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { FailureBanner } from '../../components/FailureBanner.js';
import type { FormEvent } from 'react';
import { PageHeading } from '../../components/PageHeading.js';
import { useAnnounce } from '../../lib/announcer.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { highlightTerms } from './highlight.js';
import { SearchResultList } from './SearchResultList.js';
import { searchPageFilters, useSearchQuery, type SearchPageFilter } from './useSearchQuery.js';
import { useSearchResults, type SearchResultsState } from './useSearchResults.js';
import './search.css';

function countMessage(results: SearchResultsState, q: string): string {
  const n = results.items.length;
  if (n === 0) return `No results for “${q}”.`;
  return `${n} result${n === 1 ? '' : 's'} for “${q}”${results.nextCursor ? ', more can be loaded' : ''}.`;
}

/** `/search?q=&kind=`: discussions and library resources the member may read, best match first, with "Load more". */
export function SearchPage() {
  const id = useId();
  const announce = useAnnounce();
  const { q, kind, request, setSearch } = useSearchQuery();
  const { results, loadMore, retry } = useSearchResults(request);
  const [draft, setDraft] = useState(q);
  const [seenQ, setSeenQ] = useState(q);
  // The radio shows the choice at once; the URL (and so `kind`) follows a moment later with the navigation.
  const [shownKind, setShownKind] = useState(kind);
  const [seenKind, setSeenKind] = useState(kind);
  const [error, setError] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const announcedFor = useRef('');
  const terms = useMemo(() => (request ? highlightTerms(request.q) : []), [request]);
  useDocumentTitle(request ? `“${request.q}” in Search` : 'Search');

  // Back, forward or the header's form changed the words: show them in the field.
  if (seenQ !== q) {
    setSeenQ(q);
    setDraft(q);
    setError('');
  }
  if (seenKind !== kind) {
    setSeenKind(kind);
    setShownKind(kind);
  }

  // Opened without words (a "Search" link): start in the field. After the shell's focus on the h1, which runs later.
  useEffect(() => {
    if (q.trim()) return;
    const frame = window.requestAnimationFrame(() => inputRef.current?.focus());
    return () => window.cancelAnimationFrame(frame);
  }, [q]);

  useEffect(() => {
    if (results.status !== 'ready' || !request) return;
    if (results.added > 0) {
      announce(`${results.added} more result${results.added === 1 ? '' : 's'} loaded.`);
      // The "Load more" button may be gone now; continue reading at the first new result.
      listRef.current?.children[results.items.length - results.added]?.querySelector('a')?.focus();
      return;
    }
    const key = JSON.stringify(request);
    if (announcedFor.current === key) return;
    announcedFor.current = key;
    announce(countMessage(results, request.q));
  }, [results, request, announce]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.trim().length < 2) {
      setError('Type at least 2 characters to search.');
      inputRef.current?.focus();
      return;
    }
    setError('');
    announcedFor.current = '';
    setSearch(draft, kind);
  }

  function chooseKind(next: SearchPageFilter) {
    announcedFor.current = '';
    setShownKind(next);
    setSearch(request ? request.q : draft, next);
  }

  const tooShort = q.trim().length > 0 && !request;
  const describedBy = [`${id}-help`, (error || tooShort) && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="search-page">
      <PageHeading>Search</PageHeading>
      <form role="search" aria-label="Search the site" className="form-panel" onSubmit={submit} noValidate>
        <div className="form-field">
          <label htmlFor={`${id}-q`} className="form-label">
            Search for
          </label>
          <p id={`${id}-help`} className="form-help">
            Searches thread titles, replies and the library. Put a phrase in quotes, or a minus before a word to leave it out.
          </p>
          <div className="search-field__row">
            <input
              ref={inputRef}
              id={`${id}-q`}
              type="search"
              name="q"
              className="text-input"
              value={draft}
              maxLength={200}
              autoComplete="off"
              aria-invalid={error || tooShort ? true : undefined}
              aria-describedby={describedBy}
              onChange={(event) => setDraft(event.target.value)}
            />
            <button type="submit" className="button button--primary">
              Search
            </button>
          </div>
          {(error || tooShort) && (
            <p id={`${id}-error`} className="form-error">
              {error || 'Type at least 2 characters to search.'}
            </p>
          )}
        </div>
        <fieldset className="search-kinds">
          <legend className="form-label">Show</legend>
          <div className="search-kinds__options">
            {searchPageFilters.map((filter) => (
              <label key={filter.value || 'all'} className="search-kinds__option">
                <input type="radio" name="kind" value={filter.value} checked={shownKind === filter.value} onChange={() => chooseKind(filter.value)} />
                {filter.label}
              </label>
            ))}
          </div>
        </fieldset>
      </form>

      {request && <h2>Results for “{request.q}”</h2>}
      {results.status === 'loading' && <p className="loading">Searching…</p>}
      {results.status === 'failed' && <FailureBanner message={results.message} onRetry={retry} />}
      {results.status === 'ready' && results.items.length === 0 && (
        <p className="search-empty">
          Nothing you can read matches “{request?.q}”{kind ? ' in this filter' : ''}. Try other or fewer words{kind ? ', or show all results' : ''}.
        </p>
      )}
      {results.items.length > 0 && <SearchResultList items={results.items} terms={terms} listRef={listRef} />}
      {results.nextCursor && results.status !== 'failed' && (
        <button type="button" className="button button--secondary" aria-disabled={results.status === 'loadingMore' || undefined} onClick={loadMore}>
          {results.status === 'loadingMore' ? 'Loading…' : 'Load more results'}
        </button>
      )}
    </div>
  );
}
