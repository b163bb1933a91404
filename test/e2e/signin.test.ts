import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findPersona } from '../../server/auth/devIdp/personas.js';
import { Member } from '../../server/db/models/Member.js';
import type { MeResponse } from '../../shared/dto/member.js';
import { startTestApp } from '../support/app.js';
import type { TestApp } from '../support/app.js';
import {
  collectPageErrors,
  describeViolations,
  findSeriousA11yViolations,
  launchBrowser,
  pressTabUntilFocused,
  saveScreenshot,
} from '../support/browser.js';
import { signInThroughDevIdp } from './devIdpSignIn.js';

const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

async function assertNoSeriousA11yViolations(page: Page, where: string): Promise<void> {
  const violations = await findSeriousA11yViolations(page);
  assert.deepEqual(violations, [], `${where}:\n${describeViolations(violations)}`);
}

/** Waits (up to 5 s) for focus to land on the element: React moves it in an effect after the route renders. */
async function focusIsOn(page: Page, selector: string): Promise<boolean> {
  return page
    .waitForFunction((sel) => document.activeElement !== null && document.activeElement === document.querySelector(sel), selector, { timeout: 5000 })
    .then(
      () => true,
      () => false,
    );
}

// The real server, the real dev IdP and the built client in headless Chromium: the path a member takes.
describe('sign-in in a real browser', function () {
  this.timeout(120_000);
  const persona = findPersona('member-a');
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  before(async () => {
    assert.ok(persona, 'the dev IdP defines member-a');
    app = await startTestApp();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openPage(viewport: { width: number; height: number }, path: string): Promise<void> {
    context = await browser.newContext({ viewport });
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
    await page.goto(new URL(path, app.baseUrl).href);
  }

  async function currentSession(): Promise<{ status: number; body?: MeResponse }> {
    const response = await context.request.get(new URL('/api/me', app.baseUrl).href);
    return { status: response.status(), body: response.ok() ? ((await response.json()) as MeResponse) : undefined };
  }

  afterEach(async () => {
    await context?.close();
    assert.deepEqual(pageErrors, [], 'the pages logged errors or CSP violations');
  });

  it('shows an accessible sign-in page at desktop and phone widths when nobody is signed in', async () => {
    await openPage(desktop, '/');
    const signIn = page.getByRole('link', { name: 'Sign in with your organization' });
    assert.equal(await signIn.getAttribute('href'), '/auth/saml/login?returnTo=%2F');
    assert.equal((await currentSession()).status, 401);
    await assertNoSeriousA11yViolations(page, 'sign-in page, desktop');
    await saveScreenshot(page, 'signin-desktop');

    await page.setViewportSize(phone);
    await assertNoSeriousA11yViolations(page, 'sign-in page, phone');
    await saveScreenshot(page, 'signin-phone');
  });

  it('lands member-a in the shell with their name and task force when they sign in through the dev IdP', async () => {
    await openPage(desktop, '/spotlights');
    await signInThroughDevIdp(page, 'member-a', app.baseUrl, '/spotlights');

    const session = await currentSession();
    assert.equal(session.status, 200);
    const me = session.body!.user;
    assert.equal(me.displayName, `${persona!.givenName} ${persona!.surname}`);
    assert.equal(me.taskForce?.code, persona!.taskForceCode);
    assert.equal(await page.getByTestId('member-name').innerText(), me.displayName);
    assert.equal(await page.getByTestId('member-task-force').innerText(), me.taskForce?.name);
    await page.getByRole('heading', { level: 1, name: 'Spotlights' }).waitFor();

    const nav = page.getByRole('navigation', { name: 'Primary' });
    assert.equal(await nav.getByRole('link', { name: 'Spotlights' }).getAttribute('aria-current'), 'page');
    await assertNoSeriousA11yViolations(page, 'shell, desktop');
    await saveScreenshot(page, 'shell-desktop');

    // Keyboard only: Tab to Members, follow it, and focus lands on the new page's heading.
    const members = nav.getByRole('link', { name: 'Members' });
    await pressTabUntilFocused(page, members);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/members');
    assert.ok(await focusIsOn(page, 'main h1'), 'focus moves to the page heading');
    assert.equal(await members.getAttribute('aria-current'), 'page');

    await page.setViewportSize(phone);
    const menu = page.getByRole('button', { name: 'Menu' });
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    await assertNoSeriousA11yViolations(page, 'shell, phone');
    await saveScreenshot(page, 'shell-phone');
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await assertNoSeriousA11yViolations(page, 'shell with open menu, phone');
    await saveScreenshot(page, 'shell-phone-menu');
  });

  it('ends the session on the server when the member presses Sign out', async () => {
    await openPage(desktop, '/');
    await signInThroughDevIdp(page, 'member-a', app.baseUrl, '/');
    assert.equal((await currentSession()).status, 200);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('session-notice').waitFor();
    assert.equal((await currentSession()).status, 401, 'the session cookie no longer signs anyone in');

    await page.reload();
    await page.getByRole('link', { name: 'Sign in with your organization' }).waitFor();
    await saveScreenshot(page, 'signed-out-desktop');
  });

  it('shows the pending page when newcomer-b signs in before a coordinator of B approves them', async () => {
    // This test's own data: other files may have approved the newcomer, so start from an unknown one.
    await Member.deleteMany({ nameId: findPersona('newcomer-b')!.nameId });
    await openPage(desktop, '/');
    await signInThroughDevIdp(page, 'newcomer-b', app.baseUrl, '/pending');
    await page.getByRole('heading', { level: 1, name: 'Your membership is pending' }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Primary' }).count(), 0, 'no way into the community yet');
    await assertNoSeriousA11yViolations(page, 'pending page');
    await saveScreenshot(page, 'pending-desktop');
  });

  it('keeps outsider out with a plain-words refusal when they are in no funded task force', async () => {
    await openPage(desktop, '/');
    await page.getByRole('link', { name: 'Sign in with your organization' }).click();
    await page.getByRole('radio', { name: /^outsider:/ }).check();
    const acsAnswer = page.waitForResponse((response) => new URL(response.url()).pathname === '/auth/saml/acs');
    await page.getByRole('button', { name: 'Sign in' }).click();

    assert.equal((await acsAnswer).status(), 403);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal((await currentSession()).status, 401);
    await assertNoSeriousA11yViolations(page, 'refusal page');
    await saveScreenshot(page, 'refused-desktop');
  });
});

