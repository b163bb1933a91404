import { escapeHtml, htmlPage } from './htmlPage.js';

const retry = '<p><a href="/">Return to the sign-in page</a></p>';

/** For any invalid SAML response: no detail that would help an attacker, a way back for a person. */
export const signInFailedPage = (): string =>
  htmlPage(
    'Sign-in did not complete',
    '<p>We could not verify the sign-in message from your organization, so you have not been signed in.</p>' +
      '<p>This can happen when a sign-in page was left open too long or was used twice. Please start again.</p>' +
      retry,
  );

/** For a verified person whom the task force registry does not admit; `reason` comes from provisionMember. */
export const signInRefusedPage = (reason: string): string =>
  htmlPage(
    'You cannot sign in to Task Force Connect',
    `<p>${escapeHtml(reason)}</p>` +
      '<p>If you believe this is a mistake, ask your task force coordinator to contact the site administrators.</p>',
  );

export const signInUnavailablePage = (): string =>
  htmlPage('Sign-in is not available', '<p>Single sign-on is not configured on this server yet. Please try again later.</p>');
