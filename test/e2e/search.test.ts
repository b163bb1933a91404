import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { CategoryDto } from '../../shared/dto/discussion.js';
import { personaOf, startThread } from '../api/discussionsSupport.js';
import { shareFile } from '../api/resourcesSupport.js';
import { uniqueWord } from '../api/searchSupport.js';
import type { TestApp } from '../support/app.js';
import { assertAccessibleAtBothWidths, desktopViewport as desktop, phoneViewport as phone, saveScreenshot } from '../support/browser.js';
import { startBrowserSessions } from './browserSessions.js';
import type { BrowserSessions } from './browserSessions.js';


/** Types the words into the header's search field and submits it with Enter, as a keyboard user would. */
async function searchFromHeader(page: Page, words: string): Promise<void> {
  const field = page.getByRole('banner').getByRole('searchbox', { name: 'Search discussions and resources' });
  await field.fill(words);
  await field.press('Enter');
  await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === words);
}

// The real server, the dev IdP and the built client: member-b finds a thread and a resource from the header.
describe('site search in a real browser', function () {
  this.timeout(90_000);
  const word = uniqueWord();
  const secret = uniqueWord();
  let sessions: BrowserSessions;
  let app: TestApp;
  let page: Page;
  let threadId: string;
  let threadTitle: string;
  let resourceId: string;
  let resourceTitle: string;

  before(async () => {
    sessions = await startBrowserSessions();
    app = sessions.app;
    const memberA = await personaOf(app, 'member-a');
    const categories = (await memberA.agent.get('/api/categories').expect(200)).body.items as CategoryDto[];
    const bySlug = (slug: string) => categories.find((c) => c.slug === slug)!.id;
    threadTitle = `Night shelter referrals ${word}`;
    threadId = (await startThread(memberA, bySlug('labor-trafficking'), threadTitle, 'Which partners take referrals after hours?')).thread.id;
    resourceTitle = `Referral checklist ${word}`;
    resourceId = (await shareFile(memberA, { bytes: Buffer.from('Call the hotline first.', 'utf8'), name: 'referrals.txt' }, { title: resourceTitle, type: 'checklist', description: `Steps for a ${word} referral at night.` })).id;
    await startThread(memberA, bySlug('private-demo-a'), `Private plan ${secret}`, `Only DEMO-A reads ${secret}`);

    page = await sessions.open('member-b', '/');
  });

  after(async () => {
    await sessions?.close();
  });

  it('finds the thread and the resource from the header, with marked words and a polite count', async () => {
    await searchFromHeader(page, word);
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    const results = page.getByRole('main').getByRole('list').filter({ has: page.getByRole('article') });
    await results.getByRole('article').nth(1).waitFor();
    assert.equal(await results.getByRole('article').count(), 2);
    const threadLink = results.getByRole('link', { name: threadTitle });
    const resourceLink = results.getByRole('link', { name: resourceTitle });
    assert.equal(await threadLink.getAttribute('href'), `/discussions/t/${threadId}`);
    assert.equal(await resourceLink.getAttribute('href'), `/resources/${resourceId}`);
    const resourceItem = results.getByRole('article').filter({ has: page.getByRole('link', { name: resourceTitle }) });
    assert.equal((await resourceItem.locator('.search-badge').textContent())?.trim(), 'Resource');
    assert.equal(await resourceItem.locator('.search-result__snippet mark').textContent(), word);
    assert.equal((await results.getByRole('article').filter({ has: page.getByRole('link', { name: threadTitle }) }).locator('.search-badge').textContent())?.trim(), 'Thread');
    await page.getByRole('status').filter({ hasText: `2 results for “${word}”.` }).waitFor();

    await assertAccessibleAtBothWidths(page, 'search results');
    await saveScreenshot(page, 'search');
    await page.setViewportSize(phone);
    await saveScreenshot(page, 'search-phone');
    await page.setViewportSize(desktop);
  });

  it('keeps the kind filter in the URL: Resources lists only the resource', async () => {
    await page.getByRole('radio', { name: 'Resources' }).check();
    await page.waitForURL((url) => url.searchParams.get('kind') === 'resource');
    const articles = page.getByRole('main').getByRole('article');
    await page.getByRole('status').filter({ hasText: `1 result for “${word}”.` }).waitFor();
    assert.equal(await articles.count(), 1);
    assert.ok(await articles.getByRole('link', { name: resourceTitle }).isVisible());
    assert.ok(await page.getByRole('radio', { name: 'Resources' }).isChecked(), 'focus and choice stay on the radio');
    await page.getByRole('radio', { name: 'All' }).check();
    await page.waitForURL((url) => !url.searchParams.has('kind'));
    await articles.nth(1).waitFor();
  });

  it('opens the thread and the resource from their result links', async () => {
    await page.getByRole('main').getByRole('link', { name: threadTitle }).click();
    await page.waitForURL((url) => url.pathname === `/discussions/t/${threadId}`);
    await page.getByRole('heading', { level: 1, name: threadTitle }).waitFor();
    await page.goBack();
    await page.getByRole('main').getByRole('link', { name: resourceTitle }).click();
    await page.waitForURL((url) => url.pathname === `/resources/${resourceId}`);
    await page.getByRole('heading', { level: 1, name: resourceTitle }).waitFor();
  });

  it('finds nothing of task force A’s private thread for member-b, searching from the header on a phone', async () => {
    await page.setViewportSize(phone);
    await searchFromHeader(page, secret);
    await page.getByText(`Nothing you can read matches “${secret}”`).waitFor();
    assert.equal(await page.getByRole('main').getByRole('article').count(), 0);
    await page.getByRole('status').filter({ hasText: `No results for “${secret}”.` }).waitFor();
    assert.doesNotMatch(await page.locator('body').innerText(), /Private plan/);
    await assertAccessibleAtBothWidths(page, 'search with no results');
  });

  it('opens an empty search page with its field focused, and explains a one-letter search', async () => {
    await page.goto(new URL('/search', app.baseUrl).href);
    const field = page.getByRole('main').getByRole('searchbox', { name: 'Search for' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'q' && document.activeElement.closest('main') !== null);
    await field.fill('x');
    await field.press('Enter');
    await page.getByText('Type at least 2 characters to search.').waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
  });
});
