import { useId, useState } from 'react';
import type { DragEvent, Ref } from 'react';
import type { StorageUsageDto } from '../../../../shared/dto/resource.js';
import { acceptAttribute, acceptedKindsSentence, formatBytes, wholeMegabytes } from './format.js';

interface FilePickerProps {
  label: string;
  file: File | null;
  onChange(file: File | null): void;
  storage: StorageUsageDto | null;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A real, labelled `<input type=file>` (keyboard and screen readers use it as is) inside a zone that also takes a
 * dropped file: the drop is an enhancement, never the only way in.
 */
export function FilePicker({ label, file, onChange, storage, error, inputRef }: FilePickerProps) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const sizeLimit = storage ? ` up to ${wholeMegabytes(storage.maxUploadBytes)} MB` : '';
  const describedBy = [`${id}-hint`, file && `${id}-chosen`, error && `${id}-error`].filter(Boolean).join(' ');

  function take(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files;
    if (dropped.length === 0) return;
    const input = event.currentTarget.querySelector('input[type=file]');
    // Keep the input showing what was dropped, so both ways of choosing end in the same state.
    if (input instanceof HTMLInputElement) input.files = dropped;
    onChange(dropped[0] ?? null);
  }

  return (
    <div
      className={`drop-zone${dragging ? ' drop-zone--active' : ''}${error ? ' drop-zone--invalid' : ''}`}
      onDragEnter={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragOver={(event) => event.preventDefault()}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={take}
    >
      <label htmlFor={`${id}-input`} className="form-label">
        {label}
      </label>
      <p id={`${id}-hint`} className="form-help">
        Choose a file, or drag one here. {acceptedKindsSentence()}{sizeLimit}.
      </p>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="file"
        name="file"
        className="file-input"
        accept={acceptAttribute}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
      {file && (
        <p id={`${id}-chosen`} className="drop-zone__chosen">
          Selected: {file.name} ({formatBytes(file.size)})
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
