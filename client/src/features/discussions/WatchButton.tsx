import { useState } from 'react';
import type { ThreadDto } from '../../../../shared/dto/discussion.js';
import { describeError, setWatching } from '../../api/discussions.js';
import { useAnnounce } from '../../lib/announcer.js';

/** Watch toggle: a pressed button while the member gets notified of every new reply in the thread. */
export function WatchButton({ thread, onChanged }: { thread: ThreadDto; onChanged(thread: ThreadDto): void }) {
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function toggle() {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const { watching } = await setWatching(thread.id, !thread.watching);
      onChanged({ ...thread, watching });
      announce(watching ? 'You are watching this thread: new replies will notify you' : 'You stopped watching this thread');
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="link-button watch-button" aria-pressed={thread.watching} aria-disabled={busy || undefined} onClick={() => void toggle()}>
        Watch this thread
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
