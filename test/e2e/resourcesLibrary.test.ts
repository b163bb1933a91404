import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { TestApp } from '../support/app.js';
import { assertAccessibleAtBothWidths, desktopViewport as desktop, saveScreenshot } from '../support/browser.js';
import { makeTempDir } from '../support/tempDirs.js';
import { pdfWith } from '../fixtures/uploadFiles.js';
import { startBrowserSessions } from './browserSessions.js';
import type { BrowserSessions } from './browserSessions.js';
import { signInThroughDevIdp } from './devIdpSignIn.js';


/**
 * A valid PDF grown to about 1.5 MB with a trailing comment (after %%EOF, so its xref offsets stay right): large
 * enough that a throttled upload reports several progress steps.
 */
function largePdf(text: string): Buffer {
  return Buffer.concat([pdfWith(text), Buffer.from(`%${'0'.repeat(1_500_000)}\n`, 'latin1')]);
}

/** Records every value the page's `<progress>` shows, so a bar that is up for a moment is not missed. */
async function watchProgressBars(page: Page): Promise<void> {
  // A string, not a function: tsx would wrap a named helper in `__name(...)`, which the page does not define.
  await page.evaluate(`(() => {
    const seen = (window.progressSeen = []);
    new MutationObserver(() => document.querySelectorAll('progress').forEach((bar) => seen.push(bar.value)))
      .observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  })()`);
}

// The real server, the dev IdP and the built client in headless Chromium: share a PDF, find it, download it.
describe('resource library in a real browser', function () {
  this.timeout(90_000);
  // A made-up word only this run's title contains, so the search can find exactly this resource.
  const word = `Quillon${randomBytes(4).toString('hex').replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;
  const title = `Intake protocol ${word}`;
  let sessions: BrowserSessions;
  let app: TestApp;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  let pdfPath: string;
  let pdfBytes: Buffer;
  let resourcePath: string;

  before(async () => {
    sessions = await startBrowserSessions();
    app = sessions.app;
    pdfBytes = largePdf(`Screening questions for ${word}`);
    pdfPath = path.join(makeTempDir('tfc-e2e-upload-'), 'intake-protocol.pdf');
    await writeFile(pdfPath, pdfBytes);
    page = await sessions.newPage({ viewport: desktop, acceptDownloads: true });
    context = page.context();
    cdp = await context.newCDPSession(page);
  });

  after(async () => {
    await sessions?.close();
  });

  it('shows a moving progress bar, then the new resource’s page, when member-a shares a PDF through the form', async () => {
    await page.goto(new URL('/resources/new', app.baseUrl).href);
    await signInThroughDevIdp(page, 'member-a', app.baseUrl, '/resources/new');
    await page.getByRole('heading', { level: 1, name: 'Share a resource' }).waitFor();
    await page.getByText(/^Choose a file, or drag one here\..* up to \d+ MB\.$/).waitFor();
    await assertAccessibleAtBothWidths(page, 'upload form');

    await page.getByRole('textbox', { name: 'Title' }).fill(title);
    await page.getByRole('textbox', { name: /^Description/ }).fill('Questions our team asks at first contact.');
    await page.getByRole('textbox', { name: /^Tags/ }).fill('intake, screening');
    await page.getByRole('combobox', { name: 'Type' }).selectOption('protocol');
    await page.getByRole('radio', { name: 'The whole community' }).check();
    await page.getByLabel('File', { exact: true }).setInputFiles(pdfPath);
    await page.getByText(`Selected: intake-protocol.pdf`).waitFor();

    // The real upload, slowed to about 1 MB/s on its way out, so the bar moves through several values.
    await watchProgressBars(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('button', { name: 'Cancel upload' }).waitFor();
    await page.getByRole('status').filter({ hasText: /^Uploading… \d+%$/ }).waitFor();

    await page.waitForURL((url) => /^\/resources\/[0-9a-f]{24}$/.test(url.pathname), { timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    resourcePath = new URL(page.url()).pathname;
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    assert.ok(seen.length > 0, 'a <progress> bar appeared');
    assert.ok(
      seen.some((value) => value > 0 && value < 100),
      `the bar showed the upload part way (values seen: ${[...new Set(seen)].join(', ')})`,
    );

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    assert.ok(await page.getByRole('link', { name: /^Download \(PDF, 1\.\d MB\)$/ }).isVisible());
    assert.equal(await page.getByRole('link', { name: 'Download version 1' }).count(), 1, 'the versions list offers version 1');
    await assertAccessibleAtBothWidths(page, 'resource page');
  });

  it('downloads exactly the uploaded bytes when member-a finds the resource by a word of its title', async () => {
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Resources' }).click();
    await page.getByRole('heading', { level: 1, name: 'Resources' }).waitFor();
    await page.getByTestId('storage-summary').waitFor();

    await page.getByRole('searchbox', { name: 'Search resources' }).fill(word);
    await page.getByRole('searchbox', { name: 'Search resources' }).press('Enter');
    await page.waitForURL((url) => url.pathname === '/resources' && url.searchParams.get('q') === word);
    await page.getByRole('heading', { level: 2, name: `Results for “${word}”` }).waitFor();
    const result = page.getByRole('link', { name: title });
    await result.waitFor();
    assert.equal(await page.getByRole('article').count(), 1, 'only this run’s resource matches');
    assert.match(await page.getByRole('article').innerText(), /Alex Rivera[\s\S]*PDF, 1\.\d MB/);
    await assertAccessibleAtBothWidths(page, 'library search results');
    await saveScreenshot(page, 'resources-library');

    // The search is linkable: the same URL in a fresh load shows the same result.
    await page.reload();
    await page.getByRole('link', { name: title }).waitFor();
    assert.equal(await page.getByRole('searchbox', { name: 'Search resources' }).inputValue(), word);

    await page.getByRole('link', { name: title }).click();
    await page.waitForURL((url) => url.pathname === resourcePath);
    const downloadLink = page.getByRole('link', { name: /^Download \(PDF/ });
    const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()]);
    assert.equal(download.suggestedFilename(), 'intake-protocol.pdf');
    const received = await readFile(await download.path());
    assert.ok(received.equals(pdfBytes), `the download has the uploaded bytes (${received.length} of ${pdfBytes.length})`);
  });

  it('keeps version 1 downloadable when a new version is dropped on the drop zone', async () => {
    const newVersion = pdfWith(`Second edition for ${word}`);
    // A real drop: the DataTransfer carries the file, as when a member drags it in from their desktop.
    const dataTransfer = await page.evaluateHandle(
      ({ base64 }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'second-edition.pdf', { type: 'application/pdf' }));
        return transfer;
      },
      { base64: newVersion.toString('base64') },
    );
    const zone = page.locator('.drop-zone').filter({ has: page.getByLabel('New version', { exact: true }) });
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
    await page.getByText('Selected: second-edition.pdf').waitFor();
    await page.getByRole('button', { name: 'Upload version' }).click();

    await page.getByRole('link', { name: 'Download version 2' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Version 2 shared.' }).waitFor();
    assert.equal(await page.getByRole('link', { name: `Download (PDF, ${newVersion.length} bytes)` }).count(), 1, 'the main download is the new version');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download version 1' }).click()]);
    assert.ok((await readFile(await download.path())).equals(pdfBytes), 'version 1 still downloads its own bytes');
  });

  it('removes the resource when member-a confirms in the dialog', async () => {
    await page.getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove this resource?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await page.waitForURL((url) => url.pathname === '/resources');
    const answer = await context.request.get(new URL(`/api${resourcePath}`, app.baseUrl).href);
    assert.equal(answer.status(), 404, 'the resource is gone for everyone');
  });

  it('shares nothing when member-a presses Cancel upload while the file is on its way', async () => {
    const cancelledTitle = `Cancelled draft ${word}`;
    await page.getByRole('link', { name: 'Share a resource' }).click();
    await page.getByRole('heading', { level: 1, name: 'Share a resource' }).waitFor();
    await page.getByRole('textbox', { name: 'Title' }).fill(cancelledTitle);
    const fileInput = page.getByLabel('File', { exact: true });
    await fileInput.setInputFiles(pdfPath);

    // The request is held in the browser until Cancel, so Cancel always comes before the last byte. (Throttling
    // alone raced on a busy machine: the server could receive every byte before the click landed. The server side
    // of an aborted upload is covered in test/security/uploadAttacks.test.ts.)
    let held = false;
    await page.route('**/api/resources', (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      held = true;
      // Never continued: the abort ends it.
    });
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('button', { name: 'Cancel upload' }).click();
    await page.getByRole('status').filter({ hasText: 'Upload cancelled. Nothing was shared.' }).waitFor();
    await page.unroute('**/api/resources');
    assert.ok(held, 'the upload request was sent and held');

    assert.equal(await page.locator('progress').count(), 0, 'the progress bar is gone');
    assert.ok(await fileInput.evaluate((input) => input === document.activeElement), 'focus returns to the file input');
    assert.equal(new URL(page.url()).pathname, '/resources/new', 'member-a stays on the form to try again');
    const search = await context.request.get(new URL(`/api/resources?q=${encodeURIComponent(word)}`, app.baseUrl).href);
    assert.deepEqual(((await search.json()) as { items: unknown[] }).items, [], 'no resource was created');
  });
});
