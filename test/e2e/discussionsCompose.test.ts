import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { findPersona } from '../../server/auth/devIdp/personas.js';
import type { DevPersonaId } from '../../server/auth/devIdp/personas.js';
import { personaOf, reply, startThread, uniqueTitle, write } from '../api/discussionsSupport.js';
import type { Persona } from '../api/discussionsSupport.js';
import type { CategoryDto } from '../../shared/dto/discussion.js';
import type { TestApp } from '../support/app.js';
import { describeViolations, findSeriousA11yViolations, saveScreenshot } from '../support/browser.js';
import { startBrowserSessions } from './browserSessions.js';
import type { BrowserSessions } from './browserSessions.js';

const nameOf = (id: DevPersonaId) => `${findPersona(id)!.givenName} ${findPersona(id)!.surname}`;

// Writing in the browser: a new thread with preview and a mention, reactions, quoting, editing with history, and a
// moderator's lock and delete reaching the author's open page live.
describe('discussions in the browser, composing and moderating', function () {
  this.timeout(90_000);
  let sessions: BrowserSessions;
  let app: TestApp;
  let memberB: Persona;
  let category: CategoryDto;
  let author: Page;
  let threadPath: string;

  before(async () => {
    // Replies are spaced 30 s apart per member here, so the composer's answer to a 429 can be seen.
    sessions = await startBrowserSessions({ POST_INTERVAL_SECONDS: '30' });
    app = sessions.app;
    // member-b signs in once first, so the directory knows them (and their handle) for the mention.
    memberB = await personaOf(app, 'member-b');
    const categories = (await memberB.agent.get('/api/categories').expect(200)).body.items as CategoryDto[];
    category = categories.find((c) => c.slug === 'victim-services')!;
  });

  after(async () => {
    await sessions?.close();
  });

  it('starts a thread with a previewed body and a keyboard-chosen @mention', async () => {
    author = await sessions.open('member-a', `/discussions/c/${category.id}/new`);
    await author.getByRole('heading', { level: 1, name: `New thread in ${category.name}` }).waitFor();
    const title = `Shelter intake ${Date.now().toString(36)}`;
    await author.getByRole('textbox', { name: 'Title' }).fill(title);

    const body = author.getByRole('textbox', { name: 'Opening post' });
    await body.fill('What does **intake** look like for you, ');
    await body.pressSequentially('@Bl');
    const listbox = author.getByRole('listbox', { name: 'Members to mention' });
    const option = listbox.getByRole('option', { name: new RegExp(nameOf('member-b')) });
    await option.waitFor();
    assert.equal(await option.getAttribute('aria-selected'), 'true');
    assert.equal(await body.getAttribute('aria-activedescendant'), await option.getAttribute('id'), 'focus stays in the textarea');
    const violations = await findSeriousA11yViolations(author);
    assert.deepEqual(violations, [], `composer with suggestions:\n${describeViolations(violations)}`);
    await author.keyboard.press('Enter');
    await listbox.waitFor({ state: 'detached' });
    assert.match(await body.inputValue(), /, @[\w.-]+ $/, 'Enter inserted the handle');

    await author.getByRole('tab', { name: 'Write' }).focus();
    await author.keyboard.press('ArrowRight');
    assert.equal(await author.getByRole('tab', { name: 'Preview' }).getAttribute('aria-selected'), 'true');
    await author.getByRole('tabpanel').locator('strong', { hasText: 'intake' }).waitFor();
    await author.keyboard.press('ArrowLeft');

    await author.getByRole('button', { name: 'Post thread' }).click();
    await author.getByRole('heading', { level: 1, name: title }).waitFor();
    threadPath = new URL(author.url()).pathname;
    assert.match(threadPath, /^\/discussions\/t\/[a-f0-9]{24}$/);
  });

  it('toggles a reaction, quotes a reply and edits with a visible history', async () => {
    const threadId = threadPath.split('/').pop()!;
    const opening = (await memberB.agent.get(`/api/threads/${threadId}`).expect(200)).body.posts[0];
    await reply(memberB, threadId, 'We screen for **safety** first.', opening.id);
    const replyArticle = author.getByRole('article', { name: nameOf('member-b') });
    await replyArticle.waitFor();

    const like = replyArticle.getByRole('button', { name: 'Like' });
    assert.equal(await like.getAttribute('aria-pressed'), 'false');
    await like.click();
    await replyArticle.getByRole('button', { name: 'Like 1', pressed: true }).waitFor({ timeout: 5000 });

    await replyArticle.getByRole('button', { name: `Quote ${nameOf('member-b')}` }).click();
    const quoteBox = author.getByRole('textbox', { name: `Your reply to ${nameOf('member-b')}` });
    assert.equal(await quoteBox.inputValue(), `${nameOf('member-b')} wrote:\n> We screen for **safety** first.\n\n`);
    assert.ok(await quoteBox.evaluate((el) => el === document.activeElement), 'the reply box takes focus');
    await author.getByRole('button', { name: 'Cancel' }).click();

    const openingArticle = author.getByRole('article').first();
    await openingArticle.getByRole('button', { name: 'Edit your post' }).click();
    const editBox = author.getByRole('textbox', { name: 'Edit your post' });
    await editBox.fill('What does intake look like in your shelter?');
    await author.getByRole('button', { name: 'Save edit' }).click();
    await openingArticle.getByText('What does intake look like in your shelter?').waitFor();
    const history = openingArticle.locator('details.revisions');
    await history.getByText('Edit history (1 earlier version)').click();
    await history.getByText(/What does \*\*intake\*\* look like/).waitFor();
  });

  it('says how long to wait, on the field, when member-a replies again too soon', async () => {
    const box = author.getByRole('textbox', { name: 'Your reply', exact: true });
    await box.fill('First follow-up on intake.');
    await author.getByRole('button', { name: 'Post reply' }).last().click();
    await author.getByRole('article').filter({ hasText: 'First follow-up on intake.' }).waitFor();

    await box.fill('Second follow-up, right away.');
    await author.getByRole('button', { name: 'Post reply' }).last().click();
    const alert = author.getByRole('alert').filter({ hasText: /Wait \d+ seconds? and try again/ });
    await alert.waitFor();
    const seconds = Number(/Wait (\d+)/.exec(await alert.innerText())![1]);
    assert.ok(seconds > 20 && seconds <= 30, `Retry-After is honoured (${seconds} s)`);
    assert.ok((await box.getAttribute('aria-describedby'))?.split(' ').includes((await alert.getAttribute('id'))!), 'the error describes the field');
    assert.equal(await box.getAttribute('aria-invalid'), 'true');
    assert.equal(await box.inputValue(), 'Second follow-up, right away.', 'the text is kept');
  });

  it('shows a moderator’s lock and deletion on the author’s open page without a reload', async () => {
    const moderator = await sessions.open('moderator', threadPath);
    await moderator.getByText('Live updates on').waitFor();
    await author.getByText('Live updates on').waitFor();

    await moderator.getByText('Thread tools').click();
    await moderator.getByRole('button', { name: 'Lock' }).click();
    await author.getByText('Locked: no new replies').waitFor({ timeout: 5000 });
    await author.waitForFunction(() => [...document.querySelectorAll('[aria-live="polite"]')].some((r) => r.textContent === 'This thread was locked'));

    await moderator.getByRole('button', { name: `Delete post by ${nameOf('member-b')}` }).click();
    const dialog = moderator.getByRole('dialog', { name: 'Delete this post?' });
    await dialog.waitFor();
    assert.ok(await dialog.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement), 'the safe choice has focus');
    await dialog.getByRole('button', { name: 'Delete post' }).click();
    await author.getByText('This post was removed. Its replies are kept.').waitFor({ timeout: 5000 });
    await saveScreenshot(author, 'discussions-after-moderation');
    const violations = await findSeriousA11yViolations(moderator);
    assert.deepEqual(violations, [], `moderator's thread view:\n${describeViolations(violations)}`);
  });

  it('lists pinned threads first and pages the rest with Load more', async () => {
    const prosecution = (await memberB.agent.get('/api/categories').expect(200)).body.items.find((c: CategoryDto) => c.slug === 'prosecution') as CategoryDto;
    const titles: string[] = [];
    for (let i = 0; i < 22; i += 1) titles.push((await startThread(memberB, prosecution.id, uniqueTitle(`Paging ${i}`))).thread.title);
    const oldest = titles[0];
    const pinnedTitle = titles[1];
    const moderator = await personaOf(app, 'moderator');
    const { body } = await moderator.agent.get(`/api/categories/${prosecution.id}/threads?limit=100`).expect(200);
    const pinnedId = (body.items as { id: string; title: string }[]).find((t) => t.title === pinnedTitle)!.id;
    assert.equal((await write(moderator, 'patch', `/api/threads/${pinnedId}`, { pinned: true })).status, 200);

    await author.goto(new URL(`/discussions/c/${prosecution.id}`, app.baseUrl).href);
    await author.getByRole('heading', { level: 1, name: prosecution.name }).waitFor();
    const items = author.locator('.thread-list > li');
    await items.first().waitFor();
    const headings = await items.locator('h3').allInnerTexts();
    const pinnedAt = headings.indexOf(pinnedTitle);
    assert.ok(pinnedAt >= 0, 'the pinned thread is on the first page');
    for (const [index, item] of (await items.all()).entries()) {
      if (index <= pinnedAt) assert.match(await item.innerText(), /Pinned/, 'only pinned threads come before it');
    }
    assert.equal(headings.includes(oldest), false, 'the oldest thread waits for the next page');

    const loadMore = author.getByRole('button', { name: 'Load more threads' });
    await loadMore.click();
    await author.getByRole('link', { name: oldest }).waitFor();
    assert.equal(new Set(await items.locator('h3').allInnerTexts()).size, await items.count(), 'no thread is listed twice');
  });
});
