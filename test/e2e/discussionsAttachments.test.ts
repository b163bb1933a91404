import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { CategoryDto } from '../../shared/dto/discussion.js';
import { personaOf, startThread } from '../api/discussionsSupport.js';
import { pdfWith, pngImage } from '../fixtures/uploadFiles.js';
import type { TestApp } from '../support/app.js';
import { describeViolations, findSeriousA11yViolations, saveScreenshot } from '../support/browser.js';
import { startBrowserSessions } from './browserSessions.js';
import type { BrowserSessions } from './browserSessions.js';

// A reply carrying files: chosen in the composer, uploaded with progress, shown on the post for another member,
// and downloaded by them with the same bytes; then that member reports the post to the moderators.
describe('discussions in the browser: files on replies, and reporting a post', function () {
  this.timeout(90_000);
  let sessions: BrowserSessions;
  let app: TestApp;
  let threadPath: string;
  let reader: Page;

  before(async () => {
    sessions = await startBrowserSessions();
    app = sessions.app;
    const memberA = await personaOf(app, 'member-a');
    const categories = (await memberA.agent.get('/api/categories').expect(200)).body.items as CategoryDto[];
    const { thread } = await startThread(memberA, categories.find((c) => c.slug === 'labor-trafficking')!.id);
    threadPath = `/discussions/t/${thread.id}`;
  });

  after(async () => {
    await sessions?.close();
  });

  it('attaches a PDF and an image to a reply, and another member sees and downloads them', async () => {
    const pdf = pdfWith('Interview room checklist');
    const author = await sessions.open('member-a', threadPath);
    const composer = author.locator('.thread-reply');
    await composer.getByRole('textbox', { name: 'Your reply' }).fill('The checklist and a floor plan are attached.');
    await composer.getByLabel(/Attach files/).setInputFiles([
      { name: 'checklist.pdf', mimeType: 'application/pdf', buffer: pdf },
      { name: 'floor plan.png', mimeType: 'image/png', buffer: await pngImage() },
    ]);
    await composer.getByText('Attached').nth(1).waitFor();
    const violations = await findSeriousA11yViolations(author);
    assert.deepEqual(violations, [], describeViolations(violations));
    await composer.getByRole('button', { name: 'Post reply' }).click();
    const posted = author.locator('article.post', { hasText: 'The checklist and a floor plan are attached.' });
    await posted.getByRole('link', { name: 'checklist.pdf' }).waitFor();
    assert.equal(await composer.getByRole('list', { name: 'Attached files' }).count(), 0, 'the composer is cleared');

    reader = await sessions.open('member-b', threadPath);
    const seen = reader.locator('article.post', { hasText: 'The checklist and a floor plan are attached.' });
    const preview = seen.getByRole('img', { name: 'Preview of floor plan.png' });
    await preview.waitFor();
    assert.ok(await preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 16), 'the image preview loads');
    const [download] = await Promise.all([reader.waitForEvent('download'), seen.getByRole('link', { name: 'checklist.pdf' }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    assert.ok(Buffer.compare(Buffer.concat(chunks), pdf) === 0, 'the downloaded bytes are the uploaded ones');
    await saveScreenshot(reader, 'discussions-attachments');
  });

  it('lets member-b report the post to the moderators from an accessible dialog, once', async () => {
    const post = reader.locator('article.post', { hasText: 'The checklist and a floor plan are attached.' });
    const report = post.getByRole('button', { name: /^Report post by/ });
    await report.focus();
    await reader.keyboard.press('Enter');
    const dialog = reader.getByRole('dialog', { name: /^Report the post by/ });
    await dialog.waitFor();
    const violations = await findSeriousA11yViolations(reader);
    assert.deepEqual(violations, [], describeViolations(violations));
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText('Choose a reason.').waitFor();
    await dialog.getByRole('radio', { name: 'It may identify a victim or survivor' }).check();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await reader.getByText('Thank you. Moderators will review this post.').first().waitFor();
    assert.equal(await dialog.count(), 0, 'the dialog closed');
    assert.ok(await report.evaluate((button) => button === document.activeElement), 'focus returns to the Report button');

    const moderator = await personaOf(app, 'moderator');
    const queue = await moderator.agent.get('/api/moderation/flags').expect(200);
    assert.ok(queue.body.items.some((f: { reason: string; post: { excerpt: string } }) => f.reason === 'pii' && f.post.excerpt.includes('floor plan')));

    await report.click();
    await dialog.getByRole('radio', { name: 'Spam or advertising' }).check();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await reader.getByText('You have already reported this post; moderators will review it.').first().waitFor();
  });
});
