import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ApiError, onSessionLost } from '../../api/http.js';
import { fetchCurrentMember, signOut as endSession } from '../../api/session.js';
import { SessionContext } from './SessionContext.js';
import type { SessionContextValue, SessionState } from './SessionContext.js';

/** Loads GET /api/me once, and again on reload(); every page decides what to show from this state. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchCurrentMember(controller.signal).then(
      (user) => setState(user ? { status: 'signedIn', user } : { status: 'signedOut', reason: 'anonymous' }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof ApiError ? error.message : 'Something went wrong while loading your session.';
        setState({ status: 'failed', message });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(
    () =>
      onSessionLost(() =>
        // Only a member who was signed in has "lost" a session; the first /api/me 401 is the normal anonymous case.
        setState((current) => (current.status === 'signedIn' ? { status: 'signedOut', reason: 'expired' } : current)),
      ),
    [],
  );

  useEffect(() => {
    // A tab left in the background may have outlived its session (30 min idle); check again when it is looked at,
    // so an ended session shows as ended instead of failing on the next click. Network errors change nothing.
    function recheckWhenVisible() {
      if (document.visibilityState !== 'visible') return;
      fetchCurrentMember().then(
        (user) => {
          if (user) setState((current) => (current.status === 'signedIn' ? { status: 'signedIn', user } : current));
        },
        () => undefined,
      );
    }
    document.addEventListener('visibilitychange', recheckWhenVisible);
    return () => document.removeEventListener('visibilitychange', recheckWhenVisible);
  }, []);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await endSession();
    } catch (error) {
      // An already expired session is as good as signed out; anything else must be reported to the member.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setState({ status: 'signedOut', reason: 'signedOut' });
  }, []);

  const value = useMemo<SessionContextValue>(() => ({ state, reload, signOut }), [state, reload, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
