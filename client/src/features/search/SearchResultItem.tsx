import { Link } from 'react-router';
import type { SearchResultDto } from '../../../../shared/dto/search.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { resourceTypeLabels } from '../resources/format.js';
import { Highlighted } from './Highlighted.js';

const kindLabels: Record<SearchResultDto['kind'], string> = { thread: 'Thread', post: 'Reply', resource: 'Resource' };

/** Where a hit leads: its thread (a reply's own place in it by `#post-<id>`), or the resource. */
export function hrefOf(hit: SearchResultDto): string {
  if (hit.kind === 'resource') return `/resources/${hit.id}`;
  return hit.kind === 'post' ? `/discussions/t/${hit.threadId}#post-${hit.id}` : `/discussions/t/${hit.threadId}`;
}

/** One result: what kind it is, its title as the link, the snippet with the searched words marked, who and when. */
export function SearchResultItem({ hit, terms }: { hit: SearchResultDto; terms: string[] }) {
  const title = hit.kind === 'resource' ? hit.title : hit.threadTitle;
  const author = hit.author?.displayName ?? 'A former member';
  return (
    <article className="card search-result">
      <p className="search-result__kind">
        <span className="badge search-badge">{kindLabels[hit.kind]}</span>
        {hit.kind === 'resource' && <span className="search-result__type">{resourceTypeLabels[hit.resourceType]}</span>}
      </p>
      <h3 className="search-result__title">
        <Link to={hrefOf(hit)}>
          {hit.kind === 'post' && <span className="visually-hidden">Reply in </span>}
          <Highlighted text={title} terms={terms} />
        </Link>
      </h3>
      {hit.snippet && (
        <p className="search-result__snippet">
          <Highlighted text={hit.snippet} terms={terms} />
        </p>
      )}
      <p className="search-result__meta">
        {hit.kind === 'resource' ? 'Shared by ' : 'By '}
        {author}, <RelativeTime iso={hit.createdAt} />
      </p>
    </article>
  );
}
