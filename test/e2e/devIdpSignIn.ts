import type { Page } from 'playwright-core';

/**
 * From the app's sign-in page, signs in as a dev IdP persona the way a person would: follow the sign-in link, pick
 * the persona on the IdP's page, submit, and let the IdP's page post the SAML response back to the ACS.
 * Resolves once the browser is back on the app at `expectedPath`.
 */
export async function signInThroughDevIdp(page: Page, personaId: string, baseUrl: string, expectedPath: string): Promise<void> {
  await page.getByRole('link', { name: 'Sign in with your organization' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/dev-idp/'));

  // Each persona's label starts with its id ("member-a: Alex Rivera, ..."), so anchor the match to tell them apart.
  await page.getByRole('radio', { name: new RegExp(`^${personaId}:`) }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();

  const expected = new URL(expectedPath, baseUrl).href;
  await page.waitForURL((url) => url.href === expected, { timeout: 20_000 });
}
