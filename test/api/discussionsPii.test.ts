import assert from 'node:assert/strict';
import { Post } from '../../server/db/models/Post.js';
import { Thread } from '../../server/db/models/Thread.js';
import type { CategoryDto } from '../../shared/dto/discussion.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { categoriesBySlug, reply, signInAll, startThread, uniqueTitle, write, type Persona } from './discussionsSupport.js';

const phoneText = 'Call her at 614-555-0142 tonight';

describe('discussions: PII guard on threads and posts', () => {
  let app: TestApp;
  let as: Record<'member-a' | 'moderator', Persona>;
  let category: CategoryDto;
  before(async () => {
    app = await startTestApp();
    as = await signInAll(app, ['member-a', 'moderator'] as const);
    category = (await categoriesBySlug(as.moderator))['sex-trafficking'];
  });
  after(() => app.close());

  it('answers 422 pii_warning with the spans and stores nothing when a new thread holds a phone number', async () => {
    const title = uniqueTitle('Contact');
    const res = await write(as['member-a'], 'post', '/api/threads', { categoryId: category.id, title, body: phoneText });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'pii_warning');
    assert.deepEqual(res.body.error.details.map((d: { path: string; kind: string; start: number; end: number }) => [d.path, d.kind, d.start, d.end]), [['body.body', 'phone', 12, 24]]);
    assert.doesNotMatch(JSON.stringify(res.body), /614-555-0142/);
    assert.equal(await Thread.countDocuments({ title }), 0);
  });

  it('stores the thread when the member acknowledges the warning', async () => {
    const res = await write(as['member-a'], 'post', '/api/threads', { categoryId: category.id, title: uniqueTitle('Contact'), body: phoneText, acknowledgePii: true });
    assert.equal(res.status, 201);
    assert.equal(res.body.posts[0].body, phoneText);
  });

  it('lets the public hotline number through without a warning', async () => {
    await startThread(as['member-a'], category.id, uniqueTitle('Hotline'), 'Victims can call 1-888-373-7888 (text 233733).');
  });

  it('warns on a name next to an age in a title, a reply and an edit', async () => {
    const titled = await write(as['member-a'], 'post', '/api/threads', { categoryId: category.id, title: 'Maria Lopez, 16, was found', body: 'details' });
    assert.equal(titled.status, 422);
    assert.equal(titled.body.error.details[0].path, 'body.title');
    const { thread } = await startThread(as['member-a'], category.id);
    const before = await Post.countDocuments({ thread: thread.id });
    await write(as['member-a'], 'post', `/api/threads/${thread.id}/posts`, { body: phoneText }).expect(422);
    assert.equal(await Post.countDocuments({ thread: thread.id }), before);
    const post = await reply(as['member-a'], thread.id, 'harmless');
    await write(as['member-a'], 'patch', `/api/posts/${post.id}`, { body: phoneText }).expect(422);
    await write(as['member-a'], 'patch', `/api/posts/${post.id}`, { body: phoneText, acknowledgePii: true }).expect(200);
    await write(as['member-a'], 'patch', `/api/threads/${thread.id}`, { title: 'Maria Lopez, 16, was found' }).expect(422);
  });

  it('refuses acknowledgePii alone as a thread update', async () => {
    const { thread } = await startThread(as['member-a'], category.id);
    await write(as['member-a'], 'patch', `/api/threads/${thread.id}`, { acknowledgePii: true }).expect(400);
  });
});
