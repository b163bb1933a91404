import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { disciplines } from '../../../../shared/dto/member.js';
import type { Discipline } from '../../../../shared/dto/member.js';
import { resourceTypes } from '../../../../shared/dto/resource.js';
import type { ResourceSort, ResourceTaskForceDto, ResourceType } from '../../../../shared/dto/resource.js';
import { resourceLimits } from '../../../../shared/limits.js';
import type { ResourceQuery } from '../../api/resources.js';
import { humanize } from '../../lib/humanize.js';
import { resourceTypeLabels } from './format.js';
import { hasFilters } from './useLibraryQuery.js';
import './resourceForms.css';

interface Draft {
  q: string;
  tag: string;
  type: string;
  taskForce: string;
  discipline: string;
  sort: string;
}

const draftOf = (query: ResourceQuery): Draft => ({
  q: query.q ?? '',
  tag: query.tag ?? '',
  type: query.type ?? '',
  taskForce: query.taskForce ?? '',
  discipline: query.discipline ?? '',
  sort: query.sort ?? 'new',
});

interface LibraryFiltersProps {
  query: ResourceQuery;
  /** Changes whenever the URL's query does (back and forward included), to reset the fields. */
  queryKey: string;
  onApply(next: ResourceQuery): void;
  taskForces: ResourceTaskForceDto[];
}

/**
 * Search box and filters. The text fields apply when the form is submitted; a select applies as soon as it
 * changes (the list below updates and its count is announced; focus stays on the select).
 */
export function LibraryFilters({ query, queryKey, onApply, taskForces }: LibraryFiltersProps) {
  const id = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(query));
  const [seenKey, setSeenKey] = useState(queryKey);
  const [searchError, setSearchError] = useState('');
  if (seenKey !== queryKey) {
    setSeenKey(queryKey);
    setDraft(draftOf(query));
    setSearchError('');
  }

  function apply(next: Draft) {
    const q = next.q.trim();
    if (q.length === 1) {
      setSearchError('Type at least 2 characters to search, or clear the search box.');
      searchRef.current?.focus();
      return;
    }
    setSearchError('');
    onApply({
      q: q || undefined,
      tag: next.tag.trim().toLowerCase() || undefined,
      type: (next.type || undefined) as ResourceType | undefined,
      taskForce: next.taskForce || undefined,
      discipline: (next.discipline || undefined) as Discipline | undefined,
      sort: next.sort as ResourceSort,
    });
  }

  function change(name: keyof Draft, value: string, applyNow: boolean) {
    const next = { ...draft, [name]: value };
    setDraft(next);
    if (applyNow) apply(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    apply(draft);
  }

  const searchDescribedBy = [`${id}-q-help`, searchError && `${id}-q-error`].filter(Boolean).join(' ');
  const selectedUnknown = draft.taskForce && !taskForces.some((t) => t.id === draft.taskForce);

  return (
    <form role="search" aria-label="Resources" className="form-panel library-filters" onSubmit={submit} noValidate>
      <div className="form-field library-filters__search">
        <label htmlFor={`${id}-q`} className="form-label">
          Search resources
        </label>
        <p id={`${id}-q-help`} className="form-help">
          Searches titles, descriptions, tags and the text inside documents.
        </p>
        <div className="library-filters__search-row">
          <input
            ref={searchRef}
            id={`${id}-q`}
            type="search"
            name="q"
            className="text-input"
            value={draft.q}
            maxLength={200}
            aria-invalid={searchError ? true : undefined}
            aria-describedby={searchDescribedBy}
            onChange={(event) => change('q', event.target.value, false)}
          />
          <button type="submit" className="button button--primary">
            Search
          </button>
        </div>
        {searchError && (
          <p id={`${id}-q-error`} className="form-error">
            {searchError}
          </p>
        )}
      </div>
      <fieldset className="library-filters__grid">
        <legend className="form-label">Filter</legend>
        <div className="form-field">
          <label htmlFor={`${id}-type`} className="form-label">
            Type
          </label>
          <select id={`${id}-type`} className="text-input" value={draft.type} onChange={(event) => change('type', event.target.value, true)}>
            <option value="">Any type</option>
            {resourceTypes.map((t) => (
              <option key={t} value={t}>
                {resourceTypeLabels[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-tag`} className="form-label">
            Tag
          </label>
          <input
            id={`${id}-tag`}
            type="text"
            name="tag"
            className="text-input"
            value={draft.tag}
            maxLength={resourceLimits.tags.length}
            autoComplete="off"
            onChange={(event) => change('tag', event.target.value, false)}
          />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-task-force`} className="form-label">
            Task force
          </label>
          <select id={`${id}-task-force`} className="text-input" value={draft.taskForce} onChange={(event) => change('taskForce', event.target.value, true)}>
            <option value="">Any task force</option>
            {taskForces.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
            {selectedUnknown && <option value={draft.taskForce}>The selected task force</option>}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-discipline`} className="form-label">
            Shared by discipline
          </label>
          <select id={`${id}-discipline`} className="text-input" value={draft.discipline} onChange={(event) => change('discipline', event.target.value, true)}>
            <option value="">Any discipline</option>
            {disciplines.map((d) => (
              <option key={d} value={d}>
                {humanize(d)}
              </option>
            ))}
          </select>
        </div>
        {query.q ? (
          <p className="form-help library-filters__order">Search results are listed best match first.</p>
        ) : (
          <div className="form-field">
            <label htmlFor={`${id}-sort`} className="form-label">
              Order
            </label>
            <select id={`${id}-sort`} className="text-input" value={draft.sort} onChange={(event) => change('sort', event.target.value, true)}>
              <option value="new">Newest first</option>
              <option value="popular">Most downloaded</option>
            </select>
          </div>
        )}
      </fieldset>
      {hasFilters(query) && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            // This button goes away with the filters; the search box is where a new search starts.
            searchRef.current?.focus();
            onApply({});
          }}
        >
          Clear search and filters
        </button>
      )}
    </form>
  );
}
