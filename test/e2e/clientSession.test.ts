import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, describeViolations, findSeriousA11yViolations, launchBrowser } from '../support/browser.js';
import { buildSessionMember, mockSessionApi } from './mockApi.js';
import { serveBuiltClient } from './staticClient.js';
import type { StaticClient } from './staticClient.js';

// The built client under the server's real CSP, with /api/me and /auth/logout answered in the browser.
describe('client session states (mocked API)', function () {
  this.timeout(60_000);
  let client: StaticClient;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  before(async () => {
    client = await serveBuiltClient();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await client?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
  });

  afterEach(async () => {
    await context.close();
    assert.deepEqual(pageErrors, [], 'the page logged errors or CSP violations');
  });

  it('links to SAML sign-in returning to the requested path when /api/me answers 401', async () => {
    await mockSessionApi(page, null);
    await page.goto(`${client.baseUrl}/resources?tag=protocols`);

    const signIn = page.getByRole('link', { name: 'Sign in with your organization' });
    assert.equal(await signIn.getAttribute('href'), '/auth/saml/login?returnTo=%2Fresources%3Ftag%3Dprotocols');
    const intro = await page.getByRole('main').innerText();
    assert.match(intro, /only for members of funded ECM task forces/);
    assert.equal(await page.getByRole('navigation', { name: 'Primary' }).count(), 0, 'no navigation before sign-in');
  });

  it('shows the approval notice when the signed-in member is pending', async () => {
    await mockSessionApi(page, buildSessionMember({ status: 'pending' }));
    await page.goto(`${client.baseUrl}/discussions`);

    await page.getByRole('heading', { level: 1, name: 'Your membership is pending' }).waitFor();
    assert.match(await page.getByRole('main').innerText(), /waiting for your task force coordinator’s approval/);
    assert.equal(await page.getByRole('navigation', { name: 'Primary' }).count(), 0);
    const violations = await findSeriousA11yViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
  });

  it('shows the pending page at /pending when the server sent a member there without a session', async () => {
    await mockSessionApi(page, null);
    await page.goto(`${client.baseUrl}/pending`);
    await page.getByRole('heading', { level: 1, name: 'Your membership is pending' }).waitFor();
  });

  it('offers a retry that recovers when /api/me is unavailable at first', async () => {
    const session = await mockSessionApi(page, buildSessionMember());
    session.failWithStatus = 503;
    await page.goto(`${client.baseUrl}/`);

    await page.getByRole('heading', { level: 1, name: /not reachable/ }).waitFor();
    assert.match(await page.getByRole('main').innerText(), /starting up/);

    session.failWithStatus = undefined;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Jordan Ellison' }).waitFor();
  });

  it('signs out with the session CSRF token and lands on the signed-out page when Sign out is pressed', async () => {
    const session = await mockSessionApi(page, buildSessionMember());
    await page.goto(`${client.baseUrl}/members`);
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    const notice = page.getByTestId('session-notice');
    assert.match(await notice.innerText(), /You have signed out/);

    assert.equal(session.logoutRequests.length, 1);
    assert.equal(session.logoutRequests[0].method(), 'POST');
    assert.equal(session.logoutRequests[0].headers()['x-csrf-token'], session.csrfToken);
    assert.equal(new URL(page.url()).pathname, '/');
    const focusedText = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(focusedText, 'Sign in to Task Force Connect', 'focus starts at the signed-out page heading');
    assert.equal(await page.getByTestId('member-name').count(), 0, 'the member is no longer shown');
  });

  it('says the session ended and keeps the path when the server forgets the member while the tab was hidden', async () => {
    const session = await mockSessionApi(page, buildSessionMember());
    await page.goto(`${client.baseUrl}/suggestions`);
    await page.getByRole('heading', { level: 1, name: 'Suggestions' }).waitFor();

    session.member = null;
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

    const notice = page.getByTestId('session-notice');
    assert.match(await notice.innerText(), /Your session has ended/);
    assert.equal(new URL(page.url()).pathname, '/suggestions');
    const signIn = page.getByRole('link', { name: 'Sign in with your organization' });
    assert.equal(await signIn.getAttribute('href'), '/auth/saml/login?returnTo=%2Fsuggestions');
  });

  it('keeps the member signed in when the recheck on return finds the session alive', async () => {
    await mockSessionApi(page, buildSessionMember());
    await page.goto(`${client.baseUrl}/resources`);
    await page.getByRole('heading', { level: 1, name: 'Resources' }).waitFor();

    const recheck = page.waitForResponse((response) => response.url().endsWith('/api/me'));
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    assert.equal((await recheck).status(), 200);
    assert.equal(await page.getByTestId('member-name').innerText(), 'Jordan Ellison');
    assert.equal(await page.getByTestId('session-notice').count(), 0);
  });
});
