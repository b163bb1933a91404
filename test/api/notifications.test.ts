import assert from 'node:assert/strict';
import { Notification } from '../../server/db/models/Notification.js';
import type { CategoryDto } from '../../shared/dto/discussion.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { categoriesBySlug, reply, signInAll, startThread, write, type Persona } from './discussionsSupport.js';
import { handleOf, notificationsAbout, notificationsOf, unwatch, watch } from './notificationsSupport.js';

const personas = ['member-a', 'member-b', 'coordinator-a', 'coordinator-b', 'moderator'] as const;

describe('notifications: who is notified', () => {
  let app: TestApp;
  let as: Record<(typeof personas)[number], Persona>;
  let categories: Record<string, CategoryDto>;
  let memberB: string;
  before(async () => {
    app = await startTestApp();
    as = await signInAll(app, personas);
    categories = await categoriesBySlug(as.moderator);
    memberB = await handleOf(as['member-a'], as['member-b'], 'blair');
  });
  after(() => app.close());

  it('notifies member-b of a mention by member-a in an open thread, presented for them', async () => {
    const { thread, posts } = await startThread(as['member-a'], categories['victim-services'].id, undefined, `Asking @${memberB} about shelters`);
    const [mention] = await notificationsAbout(as['member-b'], thread.id);
    assert.ok(mention, 'member-b has a notification');
    assert.equal(mention.kind, 'mention');
    assert.equal(mention.read, false);
    assert.equal(mention.postId, posts[0].id);
    assert.deepEqual(mention.thread, { id: thread.id, title: thread.title });
    assert.equal(mention.actor?.id, as['member-a'].id);
    assert.deepEqual(await notificationsAbout(as['member-a'], thread.id), [], 'the actor is never notified');
  });

  it('creates nothing for a mention of member-b in task force A’s private space, and reveals nothing', async () => {
    const before = await notificationsOf(as['member-b']);
    const { thread } = await startThread(as['member-a'], categories['private-demo-a'].id, undefined, `Private note for @${memberB}`);
    await reply(as['member-a'], thread.id, `Again, @${memberB}`);
    assert.equal(await Notification.countDocuments({ thread: thread.id }), 0);
    const after = await notificationsOf(as['member-b']);
    assert.ok(!JSON.stringify(after).includes(thread.id), 'no trace of the thread');
    assert.equal(after.unreadCount, before.unreadCount);
  });

  it('notifies no one of a handle inside a code span or block', async () => {
    const { thread } = await startThread(as['member-a'], categories['investigations-technology'].id, undefined, `Use \`@${memberB}\` as the decorator\n\n\`\`\`\n@${memberB}\n\`\`\``);
    assert.equal(await Notification.countDocuments({ thread: thread.id }), 0);
  });

  it('notifies the author of the post a reply answers', async () => {
    const { thread } = await startThread(as['member-a'], categories['prosecution'].id);
    await unwatch(as['member-a'], thread.id).expect(200);
    const answered = await reply(as['member-a'], thread.id, 'A point to answer');
    const answer = await reply(as['member-b'], thread.id, 'An answer', answered.id);
    const [n] = await notificationsAbout(as['member-a'], thread.id);
    assert.deepEqual([n?.kind, n?.postId], ['reply', answer.id]);
  });

  it('notifies watchers of new posts, once each, with a mention beating a watch', async () => {
    const { thread } = await startThread(as['member-a'], categories['labor-trafficking'].id);
    await watch(as['member-b'], thread.id).expect(200);
    await watch(as['coordinator-a'], thread.id).expect(200);
    const post = await reply(as['member-a'], thread.id, `Update for watchers and @${memberB}`);
    const forB = await notificationsAbout(as['member-b'], thread.id);
    const forCoordinator = await notificationsAbout(as['coordinator-a'], thread.id);
    assert.deepEqual(forB.map((n) => [n.kind, n.postId]), [['mention', post.id]]);
    assert.deepEqual(forCoordinator.map((n) => [n.kind, n.postId]), [['watched', post.id]]);
    await unwatch(as['coordinator-a'], thread.id).expect(200);
    await reply(as['member-a'], thread.id, 'After unwatching');
    assert.equal((await notificationsAbout(as['coordinator-a'], thread.id)).length, 1, 'no more after unwatching');
  });

  it('notifies only members newly mentioned by an edit', async () => {
    const { thread } = await startThread(as['member-a'], categories['sex-trafficking'].id);
    const coordinatorA = await handleOf(as['member-a'], as['coordinator-a'], 'casey');
    const post = await reply(as['member-a'], thread.id, `Hello @${memberB}`);
    await write(as['member-a'], 'patch', `/api/posts/${post.id}`, { body: `Hello @${memberB} and @${coordinatorA}` }).expect(200);
    await write(as['member-a'], 'patch', `/api/posts/${post.id}`, { body: `Hello again @${memberB} and @${coordinatorA}!` }).expect(200);
    assert.equal((await notificationsAbout(as['member-b'], thread.id)).length, 1);
    assert.deepEqual((await notificationsAbout(as['coordinator-a'], thread.id)).map((n) => n.kind), ['mention']);
  });

  it('hides notifications about a thread that moved where the member cannot read it', async () => {
    const { thread } = await startThread(as['member-a'], categories['victim-services'].id, undefined, `Ping @${memberB}`);
    assert.equal((await notificationsAbout(as['member-b'], thread.id)).length, 1);
    const unreadBefore = (await notificationsOf(as['member-b'])).unreadCount;
    await write(as.moderator, 'patch', `/api/threads/${thread.id}`, { categoryId: categories['private-demo-a'].id }).expect(200);
    const after = await notificationsOf(as['member-b']);
    assert.ok(!JSON.stringify(after).includes(thread.id));
    assert.equal(after.unreadCount, unreadBefore - 1);
  });
});
