import { escapeHtml, htmlPage } from '../saml/htmlPage.js';
import type { DevPersona } from './personas.js';

export const AUTOSUBMIT_SCRIPT_PATH = '/dev-idp/autosubmit.js';

/** Served as a file: the CSP allows no inline script. */
export const autosubmitScript = "document.addEventListener('DOMContentLoaded', () => document.getElementById('saml-response')?.submit());\n";

const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;

/** The persona picker: one labelled radio group, so it works by keyboard and screen reader alike. */
export function personaPickerPage(personas: readonly DevPersona[], samlRequest: string, relayState: string, error?: string): string {
  const options = personas
    .map(
      (p) =>
        `<div><input type="radio" name="persona" id="persona-${escapeHtml(p.id)}" value="${escapeHtml(p.id)}" required>` +
        ` <label for="persona-${escapeHtml(p.id)}"><strong>${escapeHtml(p.id)}</strong>: ${escapeHtml(`${p.givenName} ${p.surname}`)}, ${escapeHtml(p.description)}</label></div>`,
    )
    .join('\n');
  return htmlPage(
    'Development sign-in',
    '<p>This is the development identity provider. It exists only outside production, and signs real SAML responses with a development key.</p>' +
      (error ? `<p role="alert">${escapeHtml(error)}</p>` : '') +
      '<form method="post" action="/dev-idp/sso">' +
      hidden('SAMLRequest', samlRequest) +
      hidden('RelayState', relayState) +
      `<fieldset><legend>Sign in as</legend>\n${options}\n</fieldset>` +
      '<p><button type="submit">Sign in</button></p></form>',
  );
}

/** The HTTP-POST binding page: a form to the ACS that a script submits, with a visible button when scripts are off. */
export function postResponsePage(acsUrl: string, samlResponse: string, relayState: string): string {
  return htmlPage(
    'Signing you in',
    `<form method="post" action="${escapeHtml(acsUrl)}" id="saml-response">` +
      hidden('SAMLResponse', samlResponse) +
      hidden('RelayState', relayState) +
      '<p>Your sign-in is being sent to Task Force Connect.</p>' +
      '<p><button type="submit">Continue to Task Force Connect</button></p></form>',
    AUTOSUBMIT_SCRIPT_PATH,
  );
}

export const badRequestPage = (message: string): string =>
  htmlPage('Sign-in request not understood', `<p>${escapeHtml(message)}</p><p><a href="/">Return to Task Force Connect</a></p>`);
