import { useEffect, useMemo, useRef } from 'react';
import { FailureBanner } from '../../components/FailureBanner.js';
import { Link } from 'react-router';
import type { ResourceTaskForceDto } from '../../../../shared/dto/resource.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useAnnounce } from '../../lib/announcer.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useSignedInMember } from '../session/SessionContext.js';
import { LibraryFilters } from './LibraryFilters.js';
import { ResourceCard } from './ResourceCard.js';
import { StorageSummary } from './StorageSummary.js';
import { hasFilters, useLibraryQuery } from './useLibraryQuery.js';
import { useResourceList } from './useResourceList.js';
import type { ResourceListState } from './useResourceList.js';
import { useStorageUsage } from './useStorageUsage.js';
import './resources.css';

const byName = (a: ResourceTaskForceDto, b: ResourceTaskForceDto) => a.name.localeCompare(b.name);

function countMessage(list: ResourceListState): string {
  const n = list.items.length;
  if (n === 0) return 'No resources found.';
  return `${n} resource${n === 1 ? '' : 's'} found${list.nextCursor ? ', more can be loaded' : ''}.`;
}

/** `/resources`: search, filters and sort kept in the URL; results paged with "Load more"; the way to share. */
export function LibraryPage() {
  const member = useSignedInMember();
  const announce = useAnnounce();
  const { query, queryKey, setQuery } = useLibraryQuery();
  const { list, taskForces, loadMore, retry } = useResourceList(query);
  const { storage } = useStorageUsage();
  const listRef = useRef<HTMLUListElement>(null);
  const resultsHeadingRef = useRef<HTMLHeadingElement>(null);
  const announceCount = useRef(false);
  const focusResults = useRef(false);
  useDocumentTitle(query.q ? `“${query.q}” in Resources` : 'Resources');

  const taskForceOptions = useMemo(() => {
    const all = new Map(taskForces);
    if (member.taskForce) all.set(member.taskForce.id, member.taskForce);
    return [...all.values()].sort(byName);
  }, [taskForces, member.taskForce]);

  useEffect(() => {
    if (list.status !== 'ready') return;
    if (list.added > 0) {
      announce(`${list.added} more resource${list.added === 1 ? '' : 's'} loaded.`);
      // The "Load more" button may be gone now; continue reading at the first new result.
      listRef.current?.children[list.items.length - list.added]?.querySelector('a')?.focus();
      return;
    }
    if (announceCount.current) {
      announceCount.current = false;
      announce(countMessage(list));
    }
    if (focusResults.current) {
      focusResults.current = false;
      resultsHeadingRef.current?.focus();
    }
  }, [list, announce]);

  const filtered = hasFilters(query);
  return (
    <div className="resources">
      <PageHeading>Resources</PageHeading>
      <p className="lead">Protocols, checklists, templates and training material that task forces share with each other.</p>
      <div className="library-actions">
        <Link to="/resources/new" className="button button--primary">
          Share a resource
        </Link>
        <StorageSummary storage={storage} />
      </div>

      <h2>Search and filter</h2>
      <LibraryFilters
        query={query}
        queryKey={queryKey}
        taskForces={taskForceOptions}
        onApply={(next) => {
          announceCount.current = true;
          setQuery(next);
        }}
      />

      <h2 ref={resultsHeadingRef} tabIndex={-1}>
        {query.q ? `Results for “${query.q}”` : filtered ? 'Matching resources' : 'Latest resources'}
      </h2>
      {list.status === 'loading' && <p className="loading">Loading resources…</p>}
      {list.status === 'failed' && <FailureBanner message={list.message} onRetry={retry} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <p className="library-empty">
          {filtered ? 'No resources match. Try other words or fewer filters.' : 'Nothing has been shared yet. Share the first protocol, template or checklist.'}
        </p>
      )}
      {list.items.length > 0 && (
        <ul className="card-list" ref={listRef}>
          {list.items.map((resource) => (
            <li key={resource.id}>
              <ResourceCard
                resource={resource}
                onTagChosen={() => {
                  announceCount.current = true;
                  focusResults.current = true;
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {list.nextCursor && list.status !== 'failed' && (
        <button type="button" className="button button--secondary" aria-disabled={list.status === 'loadingMore' || undefined} onClick={loadMore}>
          {list.status === 'loadingMore' ? 'Loading…' : 'Load more resources'}
        </button>
      )}
    </div>
  );
}
