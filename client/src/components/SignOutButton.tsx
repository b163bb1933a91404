import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/http.js';
import { useSession } from '../features/session/SessionContext.js';
import { useAnnounce } from '../lib/announcer.js';

export function SignOutButton() {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);

  async function handleClick() {
    if (busy) return;
    setBusy(true);
    try {
      await signOut();
      navigate('/', { replace: true });
      announce('You have signed out.');
    } catch (error) {
      const reason = error instanceof ApiError ? error.message : 'Please try again.';
      announce(`Sign out did not complete. ${reason}`);
      setBusy(false);
    }
  }

  // aria-disabled rather than disabled keeps focus on the button while the request runs.
  return (
    <button type="button" className="button button--quiet-on-dark" aria-disabled={busy} onClick={handleClick}>
      {busy ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
