import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import { AnnouncerContext } from '../lib/announcer.js';

/** Owns the one polite live region; it stays mounted across routes and sign-in states so no message is lost. */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');

  const announce = useCallback((next: string) => {
    // Clearing first makes a repeated message count as a change, so it is read again.
    setMessage('');
    window.setTimeout(() => setMessage(next), 50);
  }, []);

  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </AnnouncerContext.Provider>
  );
}
