import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { flagNoteMaxLength, flagReasons, type FlagReason } from '../../../../shared/dto/flag.js';
import { flagPost } from '../../api/discussions.js';
import { ApiError } from '../../api/http.js';
import '../../components/ConfirmDialog.css';

const reasonLabels: Record<FlagReason, string> = {
  pii: 'It may identify a victim or survivor',
  harassment: 'Harassment or abuse',
  spam: 'Spam or advertising',
  off_topic: 'Off topic',
  other: 'Something else (say what)',
};

interface ReportDialogProps {
  postId: string;
  authorName: string;
  onDone(message: string): void;
  onCancel(): void;
}

/**
 * Reports a post to the moderators, on the native modal `<dialog>` (focus trapped, Escape cancels). Focus goes back
 * to the control that opened it when it closes.
 */
export function ReportDialog({ postId, authorName, onDone, onCancel }: ReportDialogProps) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState<FlagReason | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    if (!reason) return setError('Choose a reason.');
    if (reason === 'other' && !note.trim()) return setError('Say briefly what is wrong.');
    setSending(true);
    setError('');
    try {
      await flagPost(postId, { reason, ...(note.trim() ? { note: note.trim() } : {}) });
      onDone('Thank you. Moderators will review this post.');
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'conflict') onDone('You have already reported this post; moderators will review it.');
      else setError(failure instanceof ApiError ? failure.message : 'The report could not be sent. Try again.');
    } finally {
      setSending(false);
    }
  }

  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby={`${id}-title`} onCancel={onCancel}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <h2 id={`${id}-title`}>Report the post by {authorName}</h2>
        <fieldset className="report-reasons" aria-describedby={error ? `${id}-error` : undefined}>
          <legend>What is wrong with it?</legend>
          {flagReasons.map((value) => (
            <label key={value} className="report-reasons__option">
              <input type="radio" name={`${id}-reason`} value={value} checked={reason === value} onChange={() => setReason(value)} />
              {reasonLabels[value]}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-note`} className="form-label">
          Note for the moderators {reason === 'other' ? '(required)' : '(optional)'}
        </label>
        <textarea id={`${id}-note`} className="text-input" rows={3} maxLength={flagNoteMaxLength} value={note} onChange={(event) => setNote(event.target.value)} />
        <p className="field-help">Do not repeat identifying details here: moderators can see the post.</p>
        {error && (
          <p id={`${id}-error`} className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary" aria-disabled={sending || undefined}>
            {sending ? 'Sending…' : 'Send report'}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
