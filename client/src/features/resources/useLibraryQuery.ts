import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { disciplines } from '../../../../shared/dto/member.js';
import type { Discipline } from '../../../../shared/dto/member.js';
import { resourceSorts, resourceTypes } from '../../../../shared/dto/resource.js';
import type { ResourceSort, ResourceType } from '../../../../shared/dto/resource.js';
import type { ResourceQuery } from '../../api/resources.js';

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** A hand-edited or stale link should show a library, not a 400: values the server would refuse are dropped. */
function queryFrom(params: URLSearchParams): ResourceQuery {
  const q = params.get('q')?.trim();
  const tag = params.get('tag')?.trim().toLowerCase();
  const taskForce = params.get('taskForce') ?? '';
  return {
    q: q && q.length >= 2 ? q.slice(0, 200) : undefined,
    tag: tag ? tag.slice(0, 40) : undefined,
    type: oneOf<ResourceType>(resourceTypes, params.get('type')),
    taskForce: /^[0-9a-f]{24}$/i.test(taskForce) ? taskForce : undefined,
    discipline: oneOf<Discipline>(disciplines, params.get('discipline')),
    sort: oneOf<ResourceSort>(resourceSorts, params.get('sort')),
  };
}

/** The library's search and filters live in the URL query, so every view can be bookmarked and shared. */
export function useLibraryQuery(): { query: ResourceQuery; queryKey: string; setQuery(next: ResourceQuery): void } {
  const [params, setParams] = useSearchParams();
  const queryKey = params.toString();
  const query = useMemo(() => queryFrom(new URLSearchParams(queryKey)), [queryKey]);
  const setQuery = useCallback(
    (next: ResourceQuery) => {
      const cleaned = new URLSearchParams();
      for (const [name, value] of Object.entries(next)) if (value) cleaned.set(name, value);
      // "new" is the default order: leave it out so the plain library has one URL.
      if (cleaned.get('sort') === 'new') cleaned.delete('sort');
      setParams(cleaned);
    },
    [setParams],
  );
  return { query, queryKey, setQuery };
}

export const hasFilters = (query: ResourceQuery): boolean => Object.entries(query).some(([name, value]) => name !== 'sort' && Boolean(value));
