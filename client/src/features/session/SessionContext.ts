import { createContext, useContext } from 'react';
import type { MemberDto } from '../../../../shared/dto/member.js';

/** Why nobody is signed in: never was, pressed Sign out, or the server ended the session. */
export type SignedOutReason = 'anonymous' | 'signedOut' | 'expired';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut'; reason: SignedOutReason }
  | { status: 'signedIn'; user: MemberDto }
  | { status: 'failed'; message: string };

export interface SessionContextValue {
  state: SessionState;
  /** Asks the server again who is signed in (after an outage, for instance). */
  reload(): void;
  /** Ends the session on the server; the app then shows the signed-out page. */
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in member; only for components rendered inside the signed-in shell. */
export function useSignedInMember(): MemberDto {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useSignedInMember must be used while signed in');
  return state.user;
}
