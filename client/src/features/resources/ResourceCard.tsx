import { Link } from 'react-router';
import type { ResourceDto } from '../../../../shared/dto/resource.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { fileKindLabel, formatBytes, hostOf, resourceTypeLabels } from './format.js';

const excerpt = (text: string) => (text.length > 220 ? `${text.slice(0, 217).trimEnd()}…` : text);

/**
 * One library result: what it is, who shared it, how big, how used, and whether it stays inside a task force. Its
 * tags filter the library (`onTagChosen` lets the list place focus, since the clicked link goes away).
 */
export function ResourceCard({ resource, onTagChosen }: { resource: ResourceDto; onTagChosen?(): void }) {
  const latest = resource.latestVersion;
  return (
    <article className="card resource-card">
      <h3 className="resource-card__title">
        <Link to={`/resources/${resource.id}`}>{resource.title}</Link>
      </h3>
      <p className="resource-card__badges">
        <span className="badge">{resourceTypeLabels[resource.type]}</span>
        {resource.visibility === 'task_force' && <span className="badge badge--restricted">Task force only</span>}
      </p>
      {resource.description && <p className="resource-card__description">{excerpt(resource.description)}</p>}
      <dl className="resource-meta">
        <div>
          <dt>Shared by</dt>
          <dd>
            {resource.uploader?.displayName ?? 'A former member'}
            {resource.taskForce && `, ${resource.taskForce.name}`}
          </dd>
        </div>
        <div>
          <dt>{resource.url ? 'Link to' : 'File'}</dt>
          <dd>{resource.url ? hostOf(resource.url) : latest ? `${fileKindLabel(latest.contentType)}, ${formatBytes(latest.size)}` : 'No file'}</dd>
        </div>
        {!resource.url && (
          <div>
            <dt>Downloads</dt>
            <dd>{resource.downloadCount}</dd>
          </div>
        )}
        <div>
          <dt>Shared</dt>
          <dd>
            <RelativeTime iso={resource.createdAt} />
          </dd>
        </div>
      </dl>
      {resource.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {resource.tags.map((tag) => (
            <li key={tag}>
              <Link to={`/resources?tag=${encodeURIComponent(tag)}`} className="tag-list__tag" onClick={onTagChosen}>
                <span className="visually-hidden">Tag: </span>
                {tag}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
