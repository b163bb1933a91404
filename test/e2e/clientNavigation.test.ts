import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  collectPageErrors,
  describeViolations,
  findSeriousA11yViolations,
  launchBrowser,
  pressTabUntilFocused,
  saveScreenshot,
} from '../support/browser.js';
import { buildSessionMember, mockSessionApi } from './mockApi.js';
import { serveBuiltClient } from './staticClient.js';
import type { StaticClient } from './staticClient.js';

const sections = ['Home', 'Discussions', 'Spotlights', 'Resources', 'Members', 'Suggestions'];

async function focusedElementText(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() => document.activeElement?.textContent);
}

async function assertTargetSizeAtLeast(locator: Locator, minimum: number): Promise<void> {
  const box = await locator.boundingBox();
  assert.ok(box, 'target is rendered');
  assert.ok(box.width >= minimum && box.height >= minimum, `target is ${box.width}x${box.height}, below ${minimum}px`);
}

describe('client shell navigation (mocked API)', function () {
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

  async function openShell(viewport: { width: number; height: number }, path = '/'): Promise<void> {
    context = await browser.newContext({ viewport });
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
    await mockSessionApi(page, buildSessionMember());
    await page.goto(`${client.baseUrl}${path}`);
    await page.getByTestId('member-name').waitFor();
  }

  afterEach(async () => {
    await context?.close();
    assert.deepEqual(pageErrors, [], 'the page logged errors or CSP violations');
  });

  it('moves focus to the new heading and marks the current link when a section is chosen by keyboard', async () => {
    await openShell({ width: 1280, height: 800 });
    const nav = page.getByRole('navigation', { name: 'Primary' });
    assert.deepEqual(await nav.getByRole('link').allInnerTexts(), sections);
    assert.equal(await nav.getByRole('link', { name: 'Home' }).getAttribute('aria-current'), 'page');

    const spotlights = nav.getByRole('link', { name: 'Spotlights' });
    await pressTabUntilFocused(page, spotlights);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/spotlights');
    // React moves focus in an effect after the new route renders, just after the URL changes.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 5000 }).catch(() => undefined);

    assert.equal(await focusedElementText(page), 'Spotlights');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    assert.equal(await spotlights.getAttribute('aria-current'), 'page');
    assert.equal(await nav.getByRole('link', { name: 'Home' }).getAttribute('aria-current'), null);
    assert.equal(await page.title(), 'Spotlights · Task Force Connect');
  });

  it('skips to the main content when the skip link is used first', async () => {
    await openShell({ width: 1280, height: 800 }, '/resources');
    await page.keyboard.press('Tab');
    assert.equal(await focusedElementText(page), 'Skip to main content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content');
  });

  it('shows a not-found page inside the shell when the path matches no section', async () => {
    await openShell({ width: 1280, height: 800 }, '/no-such-section');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    const links = page.getByRole('navigation', { name: 'Primary' }).getByRole('link');
    for (const link of await links.all()) assert.equal(await link.getAttribute('aria-current'), null);
  });

  it('collapses the navigation behind a menu button when the screen is phone-sized', async () => {
    await openShell({ width: 390, height: 844 });
    const menu = page.getByRole('button', { name: 'Menu' });
    // A CSS locator, because role queries skip the hidden navigation and this test must see it hidden.
    const discussions = page.locator('#primary-navigation a', { hasText: 'Discussions' });

    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await discussions.count(), 1);
    assert.equal(await discussions.isVisible(), false, 'links are hidden while the menu is closed');
    await assertTargetSizeAtLeast(menu, 24);
    await assertTargetSizeAtLeast(page.getByRole('button', { name: 'Sign out' }), 24);

    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    assert.equal(await discussions.isVisible(), true);
    await assertTargetSizeAtLeast(discussions, 24);
    const violations = await findSeriousA11yViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await saveScreenshot(page, 'client-phone-menu-open');

    await page.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await menu.evaluate((element) => element === document.activeElement), true, 'focus returns to the button');

    await menu.click();
    await discussions.click();
    await page.waitForURL('**/discussions');
    // Focus moves to the new page's heading after it renders; wait for it rather than racing the render.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 5000 }).catch(() => undefined);
    assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'choosing a section closes the menu');
    assert.equal(await focusedElementText(page), 'Discussions');
  });

  it('has no horizontal scrolling on any section when the screen is phone-sized', async () => {
    await openShell({ width: 390, height: 844 });
    for (const section of sections) {
      const path = section === 'Home' ? '/' : `/${section.toLowerCase()}`;
      await page.goto(`${client.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${section} overflows by ${overflow}px`);
    }
  });
});
