import { useId } from 'react';
import type { Upload } from './useUpload.js';
import { percentOf } from './useUpload.js';

/** What the live region says: whole tens while sending, so a screen reader is not flooded with every percent. */
function spokenStatus(upload: Upload): string {
  const { state } = upload;
  switch (state.phase) {
    case 'uploading':
      return `Uploading… ${Math.floor(percentOf(state) / 10) * 10}%`;
    case 'checking':
      return 'Checking the file…';
    case 'done':
      return 'Shared.';
    case 'cancelled':
      return 'Upload cancelled. Nothing was shared.';
    default:
      return '';
  }
}

/**
 * A real `<progress>` with its percentage, a polite status line and Cancel while the upload runs. The status line
 * is always in the page, so assistive technology already watches it when the first message arrives.
 */
export function UploadProgress({ upload, onCancelled }: { upload: Upload; onCancelled?(): void }) {
  const id = useId();
  const percent = percentOf(upload.state);
  return (
    <div className="upload-progress">
      {upload.busy && (
        <div className="upload-progress__bar">
          <label htmlFor={`${id}-progress`} className="form-label">
            Upload progress
          </label>
          <div className="upload-progress__row">
            <progress id={`${id}-progress`} max={100} value={percent}>
              {percent}%
            </progress>
            <span className="upload-progress__percent" aria-hidden="true">
              {percent}%
            </span>
            <button
              type="button"
              className="button button--secondary"
              // Once every byte is sent the server may already be storing it; a cancel then could not promise
              // "nothing was shared", so the button stays (focus is not lost) but no longer acts.
              aria-disabled={upload.state.phase === 'checking' || undefined}
              onClick={() => {
                if (upload.state.phase === 'checking') return;
                upload.cancel();
                onCancelled?.();
              }}
            >
              Cancel upload
            </button>
          </div>
        </div>
      )}
      <p className="upload-progress__status" role="status">
        {spokenStatus(upload)}
      </p>
    </div>
  );
}
