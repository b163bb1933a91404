import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { findPersona } from '../../server/auth/devIdp/personas.js';
import type { DevPersonaId } from '../../server/auth/devIdp/personas.js';
import { personaOf, reply, startThread, uniqueTitle } from '../api/discussionsSupport.js';
import type { Persona } from '../api/discussionsSupport.js';
import type { CategoryDto } from '../../shared/dto/discussion.js';
import type { TestApp } from '../support/app.js';
import { assertAccessibleAtBothWidths, describeViolations, findSeriousA11yViolations, saveScreenshot } from '../support/browser.js';
import { startBrowserSessions } from './browserSessions.js';
import type { BrowserSessions } from './browserSessions.js';

const nameOf = (id: DevPersonaId) => {
  const persona = findPersona(id)!;
  return `${persona.givenName} ${persona.surname}`;
};

// Two members in two real browsers on the real server: one replies through the composer, the other sees it live.
describe('discussions in the browser, live across two members', function () {
  this.timeout(90_000);
  let sessions: BrowserSessions;
  let app: TestApp;
  let memberA: Persona;
  let memberB: Persona;
  let category: CategoryDto;
  let threadId: string;
  let threadTitle: string;
  let firstReplyId: string;
  let pageA: Page;
  let pageB: Page;

  before(async () => {
    sessions = await startBrowserSessions();
    app = sessions.app;
    [memberA, memberB] = [await personaOf(app, 'member-a'), await personaOf(app, 'member-b')];
    const categories = (await memberA.agent.get('/api/categories').expect(200)).body.items as CategoryDto[];
    category = categories.find((c) => c.slug === 'labor-trafficking')!;
    threadTitle = uniqueTitle('Live coordination');
    const { thread, posts } = await startThread(memberA, category.id, threadTitle, 'How do your teams **share leads** across counties?');
    threadId = thread.id;
    // A reply with an answer under it, so the thread has a subtree to collapse.
    const first = await reply(memberA, threadId, 'We keep a shared protocol for this.', posts[0].id);
    firstReplyId = first.id;
    await reply(memberB, threadId, 'Could you share the protocol?', first.id);
  });

  after(async () => {
    await sessions?.close();
  });

  it('lists the categories and the category’s threads accessibly at 1280 px and 390 px', async () => {
    pageA = await sessions.open('member-a', '/discussions');
    await pageA.getByRole('heading', { level: 1, name: 'Discussions' }).waitFor();
    const categoryLink = pageA.getByRole('link', { name: category.name, exact: true });
    await categoryLink.waitFor();
    await assertAccessibleAtBothWidths(pageA, 'category list', { phoneScreenshot: 'discussions-category list-phone' });

    await categoryLink.click();
    await pageA.getByRole('heading', { level: 1, name: category.name }).waitFor();
    const threadLink = pageA.getByRole('link', { name: threadTitle });
    await threadLink.waitFor();
    const item = pageA.getByRole('listitem').filter({ has: threadLink });
    assert.match(await item.innerText(), /2 replies/);
    assert.ok(await item.locator('time[datetime]').count(), 'last activity is a <time> with its ISO instant');
    assert.ok(await pageA.getByRole('link', { name: 'New thread' }).isVisible(), 'members may start threads in an open category');
    await assertAccessibleAtBothWidths(pageA, 'thread list', { phoneScreenshot: 'discussions-thread list-phone' });

    await threadLink.click();
    await pageA.getByRole('heading', { level: 1, name: threadTitle }).waitFor();
    await pageA.getByText('Live updates on').waitFor();
  });

  it('shows member-b’s reply to member-a without a reload and announces it politely', async () => {
    await pageA.evaluate(() => Object.assign(window, { untouchedSinceLoad: true }));
    pageB = await sessions.open('member-b', `/discussions/t/${threadId}`);
    await pageB.getByText('Live updates on').waitFor();

    const bell = pageA.getByTestId('notification-bell');
    const unreadOf = async () => Number(/(\d+) unread/.exec((await bell.textContent()) ?? '')?.[1] ?? 0);
    const unreadBefore = await unreadOf();

    const text = `Our county uses a weekly case review ${Date.now().toString(36)}`;
    const focusedBefore = await pageA.evaluate(() => document.activeElement?.outerHTML ?? '');
    await pageB.getByRole('textbox', { name: 'Your reply', exact: true }).fill(text);
    await pageB.getByRole('button', { name: 'Post reply' }).last().click();

    const arrived = pageA.getByRole('article').filter({ hasText: text });
    await arrived.waitFor({ timeout: 5000 });
    assert.equal(await arrived.getByRole('heading', { name: nameOf('member-b') }).count(), 1, 'the reply shows its author');
    assert.equal(await pageA.evaluate(() => (window as unknown as { untouchedSinceLoad?: boolean }).untouchedSinceLoad), true, 'no reload happened');
    await pageA.waitForFunction(
      (expected) => [...document.querySelectorAll('[aria-live="polite"]')].some((region) => region.textContent === expected),
      `New reply from ${nameOf('member-b')}`,
      { timeout: 3000 },
    );
    assert.equal(await pageA.evaluate(() => document.activeElement?.outerHTML ?? ''), focusedBefore, 'focus did not move');
    assert.equal(await pageA.getByRole('heading', { level: 2, name: '3 replies' }).count(), 1);
    await pageA.waitForFunction(
      (before) => Number(/(\d+) unread/.exec(document.querySelector('[data-testid="notification-bell"]')?.textContent ?? '')?.[1] ?? 0) === before + 1,
      unreadBefore,
      { timeout: 3000 },
    );

    await saveScreenshot(pageA, 'discussions-thread-live');
    await assertAccessibleAtBothWidths(pageA, 'thread view', { phoneScreenshot: 'discussions-thread view-phone' });
  });

  it('warns about a phone number with the span marked, and posts it when member-b chooses Post anyway', async () => {
    const text = `Call the witness coordinator at 555-867-5309 ${Date.now().toString(36)}`;
    const textarea = pageB.getByRole('textbox', { name: 'Your reply', exact: true });
    await textarea.fill(text);
    await pageB.getByText(/This may contain a phone/).waitFor({ timeout: 3000 });
    await pageB.getByRole('button', { name: 'Post reply' }).last().click();

    const warning = pageB.getByRole('group', { name: /This may identify a victim/ });
    await warning.waitFor();
    assert.match(await warning.locator('mark').innerText(), /555-867-5309/);
    assert.equal(await pageB.getByRole('article').filter({ hasText: text }).count(), 0, 'nothing was posted yet');

    await warning.getByRole('button', { name: 'Post anyway' }).click();
    await pageB.getByRole('article').filter({ hasText: text }).waitFor();
    await pageA.getByRole('article').filter({ hasText: text }).waitFor({ timeout: 5000 });
    assert.equal(await textarea.inputValue(), '', 'the composer is cleared after posting');
  });

  it('places a live reply under its parent, then collapses and expands that subtree from the keyboard', async () => {
    const nested = pageA.getByRole('list', { name: `Replies to ${nameOf('member-a')}` });
    await nested.getByText('Could you share the protocol?').waitFor();
    await reply(memberB, threadId, 'Seconding the request.', firstReplyId);
    await nested.getByText('Seconding the request.').waitFor({ timeout: 5000 });
    const toggle = pageA.getByRole('button', { name: `Hide 2 replies to ${nameOf('member-a')}` });

    await toggle.focus();
    await pageA.keyboard.press('Enter');
    const showToggle = pageA.getByRole('button', { name: `Show 2 replies to ${nameOf('member-a')}` });
    assert.equal(await showToggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await pageA.getByText('Could you share the protocol?').isVisible(), false, 'the subtree is hidden');
    assert.ok(await showToggle.evaluate((el) => el === document.activeElement), 'focus stays on the toggle');

    await pageA.keyboard.press('Space');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await pageA.getByText('Could you share the protocol?').isVisible(), true);
  });

  it('lists member-a’s notifications from the header bell and opens the thread from one', async () => {
    await pageA.getByTestId('notification-bell').click();
    await pageA.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const notification = pageA.getByRole('link', { name: `${nameOf('member-b')} replied to you in “${threadTitle}”` }).first();
    await notification.waitFor();
    const violations = await findSeriousA11yViolations(pageA);
    assert.deepEqual(violations, [], `notifications page:\n${describeViolations(violations)}`);

    await notification.click();
    await pageA.getByRole('heading', { level: 1, name: threadTitle }).waitFor();
    assert.match(new URL(pageA.url()).hash, /^#post-[a-f0-9]{24}$/);
  });

  it('returns member-a to the sign-in page when their session ends in another tab', async () => {
    const otherTab = await pageA.context().newPage();
    sessions.watch(otherTab);
    await otherTab.goto(new URL('/', app.baseUrl).href);
    await otherTab.getByRole('button', { name: 'Sign out' }).click();
    await otherTab.getByTestId('session-notice').waitFor();

    // The thread tab made no request: the socket's session:ended brought it back to sign in.
    await pageA.getByRole('link', { name: 'Sign in with your organization' }).waitFor({ timeout: 5000 });
    assert.equal(new URL(pageA.url()).pathname, `/discussions/t/${threadId}`, 'signing in again returns to the thread');
  });
});
