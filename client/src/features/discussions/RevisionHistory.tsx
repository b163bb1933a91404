import type { RevisionDto } from '../../../../shared/dto/discussion.js';
import { RelativeTime } from '../../components/RelativeTime.js';

/**
 * Earlier versions of an edited post, in a native disclosure. The API sends only the Markdown source of old
 * versions, so they are shown as plain text, never as HTML.
 */
export function RevisionHistory({ revisions }: { revisions: RevisionDto[] }) {
  if (!revisions.length) return null;
  return (
    <details className="revisions">
      <summary>
        Edit history ({revisions.length} earlier version{revisions.length === 1 ? '' : 's'})
      </summary>
      <ol className="revisions__list">
        {revisions.map((revision, index) => (
          <li key={`${revision.editedAt}-${index}`}>
            <p className="revisions__meta">
              Version {index + 1}, saved <RelativeTime iso={revision.editedAt} />
            </p>
            <p className="revisions__body">{revision.body}</p>
          </li>
        ))}
      </ol>
    </details>
  );
}
