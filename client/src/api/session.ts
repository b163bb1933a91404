import { ApiError, rememberCsrfToken, requestJson } from './http.js';
import type { MeResponse, MemberDto } from '../../../shared/dto/member.js';

/** The signed-in member, or null when nobody is signed in (401). Other failures throw ApiError. */
export async function fetchCurrentMember(signal?: AbortSignal): Promise<MemberDto | null> {
  try {
    const me = await requestJson<MeResponse>('/api/me', { signal });
    rememberCsrfToken(me.csrfToken);
    return me.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      rememberCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/** Ends the session on the server (everywhere it is cached) and forgets the CSRF token. */
export async function signOut(): Promise<void> {
  await requestJson<void>('/auth/logout', { method: 'POST' });
  rememberCsrfToken(undefined);
}

/** The SP-initiated SAML sign-in URL; the server only accepts a local path as returnTo. */
export function signInUrl(returnTo: string): string {
  const localPath = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
  return `/auth/saml/login?returnTo=${encodeURIComponent(localPath)}`;
}
