import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { resourceTypes } from '../../../../shared/dto/resource.js';
import type { ResourceType, ResourceVisibility } from '../../../../shared/dto/resource.js';
import { resourceLimits } from '../../../../shared/limits.js';
import { uploadResource } from '../../api/resources.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useAnnounce } from '../../lib/announcer.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useSignedInMember } from '../session/SessionContext.js';
import { ChoiceFieldset } from './ChoiceFieldset.js';
import { describeUploadError, fieldErrorsOf } from './describeResourceError.js';
import { FilePicker } from './FilePicker.js';
import { resourceTypeLabels } from './format.js';
import { Breadcrumb } from '../../components/Breadcrumb.js';
import { StorageSummary } from './StorageSummary.js';
import { TextField } from './TextField.js';
import { UploadProgress } from './UploadProgress.js';
import { usageOf, useStorageUsage } from './useStorageUsage.js';
import { useUpload } from './useUpload.js';
import { validateNewResource } from './validateNewResource.js';
import type { NewResourceDraft } from './validateNewResource.js';
import './resources.css';
import './resourceForms.css';

/** Fields in the order they appear, so the first one in trouble gets focus. */
const fieldOrder = ['title', 'description', 'tags', 'url', 'file', 'type', 'visibility'] as const;
const fileTypes = resourceTypes.filter((t) => t !== 'link');

/** `/resources/new`: share a file (with a progress bar and Cancel) or a link, for the community or one's task force. */
export function UploadPage() {
  const id = useId();
  const member = useSignedInMember();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const { storage } = useStorageUsage();
  const usage = usageOf(storage);
  const upload = useUpload();
  const fileInputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<NewResourceDraft>({ title: '', description: '', tags: '', source: 'file', file: null, url: '' });
  const [type, setType] = useState<ResourceType>('document');
  const [visibility, setVisibility] = useState<ResourceVisibility>('community');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  useDocumentTitle('Share a resource');

  const fieldId = (name: string) => `${id}-${name}`;
  const update = (patch: Partial<NewResourceDraft>) => setDraft((current) => ({ ...current, ...patch }));

  function focusFirst(found: Record<string, string>): boolean {
    const first = fieldOrder.find((field) => found[field]);
    if (!first) return false;
    if (first === 'file') fileInputRef.current?.focus();
    else if (first === 'visibility') document.getElementById(`${fieldId('visibility')}-${visibility}`)?.focus();
    else document.getElementById(fieldId(first))?.focus();
    return true;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (upload.busy) return;
    const found = validateNewResource(draft, usage);
    setErrors(found);
    setFormError('');
    if (Object.keys(found).length > 0) {
      setFormError('Check the fields marked below. Nothing was shared yet.');
      focusFirst(found);
      return;
    }
    const file = draft.source === 'file' ? draft.file : null;
    try {
      const resource = await upload.run((callbacks) =>
        uploadResource(
          {
            title: draft.title.trim(),
            description: draft.description.trim(),
            tags: draft.tags,
            type: file ? type : 'link',
            visibility,
            ...(file ? { file } : { url: draft.url.trim() }),
          },
          callbacks,
        ),
      );
      if (!resource) return;
      announce(`Shared “${resource.title}”.`);
      navigate(`/resources/${resource.id}`);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      const message = describeUploadError(error, file, usage);
      if (focusFirst(fields)) {
        setErrors(fields);
        setFormError('Check the fields marked below. Nothing was shared yet.');
      } else if (file) {
        setErrors({ file: message });
        fileInputRef.current?.focus();
      } else setFormError(message);
    }
  }

  return (
    <div className="resources">
      <Breadcrumb items={[{ label: 'Resources', to: '/resources' }]} />
      <PageHeading>Share a resource</PageHeading>
      <p className="lead">Share a protocol, template, checklist or training material, or a link to one, with other members.</p>
      <StorageSummary storage={storage} />
      <form className="resource-form" onSubmit={submit} noValidate>
        {formError && (
          <p className="form-error form-error--summary" role="alert">
            {formError}
          </p>
        )}
        <TextField id={fieldId('title')} label="Title" required value={draft.title} onChange={(title) => update({ title })} error={errors.title} maxLength={resourceLimits.title.max} />
        <TextField
          id={fieldId('description')}
          label="Description"
          multiline
          value={draft.description}
          onChange={(description) => update({ description })}
          error={errors.description}
          maxLength={resourceLimits.description.max}
          help="What it is for and who it helps. Leave out anything that could identify a victim."
        />
        <TextField
          id={fieldId('tags')}
          label="Tags"
          value={draft.tags}
          onChange={(tags) => update({ tags })}
          error={errors.tags}
          help={`Separate tags with commas, for example: labor, intake, spanish. Up to ${resourceLimits.tags.max}.`}
        />
        <ChoiceFieldset<NewResourceDraft['source']>
          idBase={fieldId('source')}
          legend="What are you sharing?"
          name="source"
          value={draft.source}
          onChange={(source) => update({ source })}
          choices={[
            { value: 'file', label: 'A file from your device' },
            { value: 'link', label: 'A link to a web page' },
          ]}
        />
        {draft.source === 'file' ? (
          <>
            <FilePicker label="File" file={draft.file} onChange={(file) => update({ file })} storage={usage} error={errors.file} inputRef={fileInputRef} />
            <div className="form-field">
              <label htmlFor={fieldId('type')} className="form-label">
                Type
              </label>
              <select id={fieldId('type')} className="text-input" value={type} onChange={(event) => setType(event.target.value as ResourceType)}>
                {fileTypes.map((t) => (
                  <option key={t} value={t}>
                    {resourceTypeLabels[t]}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : (
          <TextField
            id={fieldId('url')}
            label="Web address"
            type="url"
            required
            autoComplete="url"
            value={draft.url}
            onChange={(url) => update({ url })}
            error={errors.url}
            maxLength={resourceLimits.url.max}
            help="It must start with https://."
          />
        )}
        <ChoiceFieldset<ResourceVisibility>
          idBase={fieldId('visibility')}
          legend="Who can see it?"
          name="visibility"
          value={visibility}
          onChange={setVisibility}
          choices={[
            { value: 'community', label: 'The whole community', description: 'Every approved member of every task force can find and download it.' },
            {
              value: 'task_force',
              label: 'My task force only',
              description: `Only members of ${member.taskForce?.name ?? 'your task force'} can find and download it (and the community’s moderators and administrators).`,
            },
          ]}
        />
        <UploadProgress upload={upload} onCancelled={() => fileInputRef.current?.focus()} />
        <div className="button-row">
          <button type="submit" className="button button--primary" aria-disabled={upload.busy || undefined}>
            {upload.busy ? 'Sharing…' : 'Share'}
          </button>
          <Link to="/resources" className="button button--secondary">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
