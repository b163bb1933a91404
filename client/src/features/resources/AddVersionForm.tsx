import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ResourceDetailDto, StorageUsageDto } from '../../../../shared/dto/resource.js';
import { uploadVersion } from '../../api/resources.js';
import { useAnnounce } from '../../lib/announcer.js';
import { describeUploadError } from './describeResourceError.js';
import { precheckFile } from './fileChecks.js';
import { FilePicker } from './FilePicker.js';
import { UploadProgress } from './UploadProgress.js';
import { useUpload } from './useUpload.js';
import './resourceForms.css';

interface AddVersionFormProps {
  resource: ResourceDetailDto;
  storage: StorageUsageDto | null;
  onAdded(resource: ResourceDetailDto): void;
}

/** "Upload a new version": the same file checks, progress bar and Cancel as sharing a new resource. */
export function AddVersionForm({ resource, storage, onAdded }: AddVersionFormProps) {
  const announce = useAnnounce();
  const upload = useUpload();
  const inputRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (upload.busy) return;
    const problem = file ? precheckFile(file, storage) : 'Choose the file of the new version.';
    setError(problem ?? '');
    if (problem || !file) return inputRef.current?.focus();
    try {
      const updated = await upload.run((callbacks) => uploadVersion(resource.id, file, callbacks));
      if (!updated) return;
      setFile(null);
      formRef.current?.reset();
      upload.reset();
      onAdded(updated);
      announce(`Version ${updated.versions[0]?.number ?? ''} shared.`);
    } catch (failure) {
      setError(describeUploadError(failure, file, storage));
      inputRef.current?.focus();
    }
  }

  return (
    <form ref={formRef} className="resource-form" onSubmit={submit} noValidate>
      <FilePicker label="New version" file={file} onChange={setFile} storage={storage} error={error} inputRef={inputRef} />
      <UploadProgress upload={upload} onCancelled={() => inputRef.current?.focus()} />
      <div className="button-row">
        <button type="submit" className="button button--primary" aria-disabled={upload.busy || undefined}>
          {upload.busy ? 'Uploading…' : 'Upload version'}
        </button>
      </div>
    </form>
  );
}
