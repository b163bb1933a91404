import { useId, useState } from 'react';
import { allowedUploadTypes, limits } from '../../../../shared/limits.js';
import { formatBytes } from '../resources/format.js';
import type { Attachments, PendingAttachment } from './useAttachments.js';

const accept = Object.keys(allowedUploadTypes).map((extension) => `.${extension}`).join(',');

const statusText = (item: PendingAttachment): string =>
  item.status === 'uploading' ? `Uploading… ${item.percent}%` : item.status === 'checking' ? 'Checking the file…' : item.status === 'ready' ? 'Attached' : 'Not attached';

/**
 * A labelled file input for a post's files and the list of chosen files with their upload state. One polite live
 * region speaks only changes of state (attached, failed and why), not every percent of progress.
 */
export function AttachmentPicker({ attachments }: { attachments: Attachments }) {
  const id = useId();
  const [message, setMessage] = useState('');
  const latest = attachments.items.findLast((item) => item.status === 'ready' || item.status === 'failed');
  const spoken = latest ? (latest.status === 'ready' ? `${latest.name} attached.` : `${latest.name} was not attached: ${latest.error}`) : '';

  return (
    <div className="attachment-picker">
      <label htmlFor={`${id}-files`} className="form-label">
        Attach files <span className="field-help">(up to {limits.attachmentsPerPost}; PDF, Office, text or images)</span>
      </label>
      <input
        id={`${id}-files`}
        type="file"
        multiple
        accept={accept}
        className="file-input"
        aria-describedby={message ? `${id}-message` : undefined}
        onChange={(event) => {
          setMessage(attachments.add([...(event.target.files ?? [])]) ?? '');
          event.target.value = '';
        }}
      />
      {message && (
        <p id={`${id}-message`} className="form-error" role="alert">
          {message}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {spoken}
      </p>
      {attachments.items.length > 0 && (
        <ul className="attachment-list" aria-label="Attached files">
          {attachments.items.map((item) => (
            <li key={item.key} className="attachment-list__item">
              <span className="attachment-list__name">{item.name}</span> <span className="field-help">{formatBytes(item.size)}</span>
              {item.status === 'uploading' && (
                <progress max={100} value={item.percent} aria-label={`Uploading ${item.name}`}>
                  {item.percent}%
                </progress>
              )}
              <span className="attachment-list__status">{statusText(item)}</span>
              {item.status === 'failed' && <span className="form-error">{item.error}</span>}
              <button type="button" className="button button--secondary" onClick={() => attachments.remove(item.key)}>
                Remove<span className="visually-hidden"> {item.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
