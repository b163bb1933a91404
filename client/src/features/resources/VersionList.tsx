import type { ResourceDetailDto } from '../../../../shared/dto/resource.js';
import { downloadUrl } from '../../api/resources.js';
import { absoluteTime } from '../../lib/relativeTime.js';
import { fileKindLabel, formatBytes } from './format.js';

/** Every version, newest first, each with its own download link. */
export function VersionList({ resource }: { resource: ResourceDetailDto }) {
  const latest = resource.versions[0]?.number;
  return (
    <ol className="card-list version-list" reversed>
      {resource.versions.map((version) => (
        <li key={version.number} className="card version-list__item">
          <p className="version-list__heading">
            Version {version.number}
            {version.number === latest && <span className="badge">Latest</span>}
          </p>
          <p className="version-list__meta">
            <span className="version-list__file">{version.fileName}</span>
            <span>
              {fileKindLabel(version.contentType)}, {formatBytes(version.size)}
            </span>
            <span>
              <time dateTime={version.uploadedAt}>{absoluteTime(version.uploadedAt)}</time>
            </span>
            <span>by {version.uploadedBy?.displayName ?? 'a former member'}</span>
          </p>
          {resource.abilities.canDownload && (
            <a className="button button--secondary" href={downloadUrl(resource.id, version.number)}>
              Download version {version.number}
            </a>
          )}
        </li>
      ))}
    </ol>
  );
}
