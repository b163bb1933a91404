import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { limits } from '../../../../shared/limits.js';
import type { ThreadDto } from '../../../../shared/dto/discussion.js';
import type { UpdateThreadBody } from '../../../../shared/schemas/discussions.js';
import { describeError, updateThread } from '../../api/discussions.js';
import { useAnnounce } from '../../lib/announcer.js';
import { useCategories } from './useCategories.js';

/**
 * Pin, lock, move and retitle, shown only as far as the thread's `abilities` allow: the client never works out
 * permissions itself.
 */
export function ThreadModeration({ thread, onChanged }: { thread: ThreadDto; onChanged(thread: ThreadDto): void }) {
  const id = useId();
  const announce = useAnnounce();
  const categories = useCategories();
  const [title, setTitle] = useState(thread.title);
  const [target, setTarget] = useState(thread.categoryId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const { canModerate, canEditTitle } = thread.abilities;
  if (!canModerate && !canEditTitle) return null;

  async function change(input: UpdateThreadBody, done: string) {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      onChanged(await updateThread(thread.id, input));
      announce(done);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  }

  function retitle(event: FormEvent) {
    event.preventDefault();
    if (title.trim().length < limits.threadTitle.min) return setError(`A title needs at least ${limits.threadTitle.min} characters.`);
    void change({ title: title.trim() }, 'Title changed');
  }

  function move(event: FormEvent) {
    event.preventDefault();
    if (target !== thread.categoryId) void change({ categoryId: target }, 'Thread moved');
  }

  const movable = categories.status === 'ready' ? categories.items.filter((c) => c.abilities.canModerate || c.id === thread.categoryId) : [];

  return (
    <details className="moderation">
      <summary className="moderation__summary">Thread tools</summary>
      {canModerate && (
        <div className="button-row">
          <button type="button" className="button button--secondary" aria-pressed={thread.pinned} onClick={() => void change({ pinned: !thread.pinned }, thread.pinned ? 'Thread unpinned' : 'Thread pinned')}>
            {thread.pinned ? 'Unpin' : 'Pin'}
          </button>
          <button type="button" className="button button--secondary" aria-pressed={thread.locked} onClick={() => void change({ locked: !thread.locked }, thread.locked ? 'Thread unlocked' : 'Thread locked')}>
            {thread.locked ? 'Unlock' : 'Lock'}
          </button>
        </div>
      )}
      {canEditTitle && (
        <form className="inline-form" onSubmit={retitle}>
          <label htmlFor={`${id}-title`} className="form-label">
            Title
          </label>
          <input id={`${id}-title`} className="text-input" value={title} maxLength={limits.threadTitle.max} onChange={(e) => setTitle(e.target.value)} />
          <button type="submit" className="button button--secondary">
            Rename
          </button>
        </form>
      )}
      {canModerate && movable.length > 1 && (
        <form className="inline-form" onSubmit={move}>
          <label htmlFor={`${id}-move`} className="form-label">
            Category
          </label>
          <select id={`${id}-move`} className="text-input" value={target} onChange={(e) => setTarget(e.target.value)}>
            {movable.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--secondary">
            Move
          </button>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
