import { useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { limits } from '../../../../shared/limits.js';
import { describeError, piiSpansOf } from '../../api/discussions.js';
import { ApiError } from '../../api/http.js';
import type { PiiSpan } from '../../api/discussions.js';
import { AttachmentPicker } from './AttachmentPicker.js';
import { ComposerTabs } from './ComposerTabs.js';
import type { ComposerTab } from './ComposerTabs.js';
import { MentionList } from './MentionList.js';
import { PiiWarning } from './PiiWarning.js';
import { useAttachments } from './useAttachments.js';
import { useMentions } from './useMentions.js';
import { usePiiHint } from './usePiiHint.js';
import { usePreview } from './usePreview.js';
import './composer.css';

export interface ComposerProps {
  /** The textarea's visible label, e.g. "Your reply". */
  label: string;
  value: string;
  onChange(next: string): void;
  submitLabel: string;
  /** Sends the text (and the ids of attached files); throws the ApiError the server answered. */
  onSubmit(acknowledgePii: boolean, attachmentIds: string[]): Promise<void>;
  /** Offers file attachments (new threads and replies; not edits). */
  attachable?: boolean;
  onCancel?(): void;
  /** Fields shown above the body (the new thread's title); their texts are included in a PII warning. */
  extraFields?: ReactNode;
  extraTexts?: Record<string, string>;
  autoFocus?: boolean;
}

/**
 * Writes Markdown with a Write/Preview tab pair, coaches about victim-identifying details as the member types,
 * and handles the server's `pii_warning` with "Edit text" or "Post anyway". Ctrl/Cmd+Enter submits.
 */
export function Composer({ label, value, onChange, submitLabel, onSubmit, onCancel, extraFields, extraTexts, autoFocus, attachable }: ComposerProps) {
  const id = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [tab, setTab] = useState<ComposerTab>('write');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState('');
  const [warning, setWarning] = useState<{ spans: PiiSpan[]; texts: Record<string, string> } | null>(null);
  // After a 429, the time Retry-After asked us to wait until; sending earlier would only be refused again.
  const waitUntil = useRef(0);
  const hint = usePiiHint(value);
  const preview = usePreview(value, tab === 'preview' && value.trim() !== '');
  const mentions = useMentions(value, onChange, textareaRef);
  const attachments = useAttachments();

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const listboxId = `${id}-mentions`;
  const describedBy = [error && errorId, hint && hintId].filter(Boolean).join(' ') || undefined;

  async function send(acknowledgePii: boolean) {
    if (sending) return;
    if (value.trim().length < limits.postBody.min) {
      setError('Write something before posting.');
      textareaRef.current?.focus();
      return;
    }
    if (attachments.busy) {
      setError('Wait until your files have finished uploading.');
      return;
    }
    if (attachments.failed) {
      setError('Some files were not attached. Remove them, or choose them again, before posting.');
      return;
    }
    const waitSeconds = Math.ceil((waitUntil.current - Date.now()) / 1000);
    if (waitSeconds > 0) {
      setError(`You are posting quickly. Wait ${waitSeconds} second${waitSeconds === 1 ? '' : 's'} and try again.`);
      return;
    }
    setSending(true);
    setError('');
    try {
      await onSubmit(acknowledgePii, attachments.readyIds);
      attachments.clear();
      setWarning(null);
      setTab('write');
    } catch (failure) {
      const spans = piiSpansOf(failure);
      if (spans.length) setWarning({ spans, texts: { ...extraTexts, body: value } });
      else {
        setWarning(null);
        setError(describeError(failure));
      }
      if (failure instanceof ApiError && failure.code === 'rate_limited') waitUntil.current = Date.now() + (failure.retryAfterSeconds ?? 5) * 1000;
    } finally {
      setSending(false);
    }
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    void send(false);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (mentions.handleKeyDown(event)) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  function editText() {
    setWarning(null);
    setTab('write');
    window.requestAnimationFrame(() => textareaRef.current?.focus());
  }

  const activeOption = mentions.open ? `${listboxId}-${mentions.activeIndex}` : undefined;

  return (
    <form ref={formRef} className="composer" onSubmit={handleSubmit} noValidate>
      {extraFields}
      <ComposerTabs idBase={id} tab={tab} onChange={setTab}>
        {tab === 'write' ? (
          <div className="composer__write">
            <label htmlFor={`${id}-body`} className="form-label">
              {label}
            </label>
            <div className="composer__field">
              <textarea
                id={`${id}-body`}
                ref={textareaRef}
                className="text-input composer__textarea"
                value={value}
                rows={5}
                maxLength={limits.postBody.max}
                autoFocus={autoFocus}
                aria-describedby={describedBy}
                aria-invalid={error ? true : undefined}
                aria-autocomplete="list"
                aria-controls={mentions.open ? listboxId : undefined}
                aria-activedescendant={activeOption}
                onChange={(event) => {
                  onChange(event.target.value);
                  mentions.track(event.target.value, event.target.selectionStart);
                }}
                onSelect={(event) => mentions.track(event.currentTarget.value, event.currentTarget.selectionStart)}
                onKeyDown={handleKeyDown}
                onBlur={() => window.setTimeout(mentions.close, 150)}
              />
              <MentionList id={listboxId} mentions={mentions} />
            </div>
            <p className="field-help">Markdown works: **bold**, _italic_, lists, &gt; quotes and links. Ctrl+Enter posts.</p>
          </div>
        ) : (
          <div className="composer__preview">
            {value.trim() === '' && <p className="field-help">Nothing to preview yet.</p>}
            {preview.status === 'loading' && <p className="loading">Rendering preview…</p>}
            {preview.status === 'unavailable' && <p className="field-help">{preview.message}</p>}
            {preview.status === 'ready' && value.trim() !== '' && (
              // bodyHtml is rendered and sanitized by the server: the one place HTML may enter the page.
              <div className="post__body" dangerouslySetInnerHTML={{ __html: preview.bodyHtml }} />
            )}
          </div>
        )}
      </ComposerTabs>
      {attachable && <AttachmentPicker attachments={attachments} />}
      <p id={hintId} className="pii-hint" role="status">
        {hint}
      </p>
      {error && (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      )}
      {warning && (
        <PiiWarning
          id={`${id}-pii`}
          texts={warning.texts}
          spans={warning.spans}
          sending={sending}
          onEdit={editText}
          onPostAnyway={() => void send(true)}
        />
      )}
      {!warning && (
        <div className="button-row">
          <button type="submit" className="button button--primary" aria-disabled={sending || undefined}>
            {sending ? 'Posting…' : submitLabel}
          </button>
          {onCancel && (
            <button type="button" className="button button--secondary" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      )}
    </form>
  );
}
