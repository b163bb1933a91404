import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ResourceDetailDto } from '../../../../shared/dto/resource.js';
import { deleteResource, downloadUrl, previewUrl } from '../../api/resources.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeading } from '../../components/PageHeading.js';
import { humanize } from '../../lib/humanize.js';
import { useAnnounce } from '../../lib/announcer.js';
import { absoluteTime } from '../../lib/relativeTime.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { AddVersionForm } from './AddVersionForm.js';
import { describeResourceError } from './describeResourceError.js';
import { fileKindLabel, formatBytes, resourceTypeLabels } from './format.js';
import { Breadcrumb } from '../../components/Breadcrumb.js';
import { useResource } from './useResource.js';
import { usageOf, useStorageUsage } from './useStorageUsage.js';
import { VersionList } from './VersionList.js';
import './resources.css';

/** `/resources/:id`: what it is, the download (or the external link), an image preview, versions and removal. */
export function ResourcePage() {
  const { id = '' } = useParams();
  const { state, replace } = useResource(id);
  const heading = state.status === 'ready' ? state.resource.title : state.status === 'failed' ? 'Resource not available' : 'Resource';
  useDocumentTitle(heading);

  // One h1 element whatever the state, so the focus it takes on arrival survives the load.
  return (
    <div className="resources">
      <Breadcrumb items={[{ label: 'Resources', to: '/resources' }]} />
      <PageHeading>{heading}</PageHeading>
      {state.status === 'loading' && <p className="loading">Loading the resource…</p>}
      {state.status === 'failed' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && <ResourceDetail resource={state.resource} onChanged={replace} />}
    </div>
  );
}

function ResourceDetail({ resource, onChanged }: { resource: ResourceDetailDto; onChanged(resource: ResourceDetailDto): void }) {
  const navigate = useNavigate();
  const announce = useAnnounce();
  const { storage, refreshStorage } = useStorageUsage();
  const removeButtonRef = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState('');
  const latest = resource.latestVersion;
  const { canDownload, canAddVersion, canDelete } = resource.abilities;

  async function remove() {
    setConfirming(false);
    if (removing) return;
    setRemoving(true);
    setError('');
    try {
      await deleteResource(resource.id);
      announce(`Removed “${resource.title}”.`);
      navigate('/resources');
    } catch (failure) {
      setError(describeResourceError(failure));
      setRemoving(false);
      window.requestAnimationFrame(() => removeButtonRef.current?.focus());
    }
  }

  return (
    <>
      <p className="resource-card__badges">
        <span className="badge">{resourceTypeLabels[resource.type]}</span>
        {resource.visibility === 'task_force' && <span className="badge badge--restricted">Task force only</span>}
      </p>
      {resource.description && <p className="resource-description">{resource.description}</p>}

      <div className="button-row">
        {resource.url ? (
          // Same tab, no referrer: the community's addresses stay out of other sites' logs.
          <a className="button button--primary" href={resource.url} rel="noopener noreferrer">
            Open the link
          </a>
        ) : (
          latest &&
          canDownload && (
            <a className="button button--primary" href={downloadUrl(resource.id)}>
              Download ({fileKindLabel(latest.contentType)}, {formatBytes(latest.size)})
            </a>
          )
        )}
        {canDelete && (
          <button ref={removeButtonRef} type="button" className="button button--danger-outline" aria-disabled={removing || undefined} onClick={() => !removing && setConfirming(true)}>
            {removing ? 'Removing…' : 'Remove'}
          </button>
        )}
      </div>
      {resource.url && (
        <p className="resource-link">
          Link: <a href={resource.url} rel="noopener noreferrer">{resource.url}</a>
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      {latest?.previewable && canDownload && (
        <figure className="resource-preview">
          <img src={previewUrl(resource.id)} alt={`Preview of ${resource.title}`} />
        </figure>
      )}

      <h2>About this resource</h2>
      <dl className="resource-meta resource-meta--detail">
        <div>
          <dt>Shared by</dt>
          <dd>{resource.uploader?.displayName ?? 'A former member'}</dd>
        </div>
        <div>
          <dt>Task force</dt>
          <dd>{resource.taskForce?.name ?? 'None'}</dd>
        </div>
        <div>
          <dt>Discipline</dt>
          <dd>{humanize(resource.discipline)}</dd>
        </div>
        <div>
          <dt>Who can see it</dt>
          <dd>{resource.visibility === 'task_force' ? `Members of ${resource.taskForce?.name ?? 'the task force'} only` : 'The whole community'}</dd>
        </div>
        <div>
          <dt>Shared on</dt>
          <dd>
            <time dateTime={resource.createdAt}>{absoluteTime(resource.createdAt)}</time>
          </dd>
        </div>
        {!resource.url && (
          <div>
            <dt>Downloads</dt>
            <dd>{resource.downloadCount}</dd>
          </div>
        )}
        {resource.tags.length > 0 && (
          <div>
            <dt>Tags</dt>
            <dd>{resource.tags.join(', ')}</dd>
          </div>
        )}
      </dl>

      {resource.versions.length > 0 && (
        <>
          <h2>Versions</h2>
          <VersionList resource={resource} />
        </>
      )}
      {canAddVersion && !resource.url && (
        <>
          <h2>Upload a new version</h2>
          <p>The new file becomes the one people download. Earlier versions stay listed above.</p>
          <AddVersionForm
            resource={resource}
            storage={usageOf(storage)}
            onAdded={(updated) => {
              onChanged(updated);
              refreshStorage();
            }}
          />
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title="Remove this resource?"
          message={`“${resource.title}” and all of its versions will be removed for everyone. This cannot be undone.`}
          confirmLabel="Remove"
          onConfirm={() => void remove()}
          onCancel={() => {
            setConfirming(false);
            // The dialog leaves the page before the browser can hand focus back to its opener, so do it here.
            window.requestAnimationFrame(() => removeButtonRef.current?.focus());
          }}
        />
      )}
    </>
  );
}
