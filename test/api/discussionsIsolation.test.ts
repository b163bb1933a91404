import assert from 'node:assert/strict';
import type { CategoryDto, ThreadDetailResponse, ThreadDto } from '../../shared/dto/discussion.js';
import { categoriesBySlug, reply, startThread, useDiscussionApp, write } from './discussionsSupport.js';

const personas = ['member-a', 'member-b', 'coordinator-b', 'moderator'] as const;

describe('discussions: cross-task-force isolation', () => {
  const { as, categories } = useDiscussionApp(personas);
  let privateA: CategoryDto;
  let secret: ThreadDetailResponse;
  let secretReplyId: string;
  before(async () => {
    privateA = categories['private-demo-a'];
    secret = await startThread(as['member-a'], privateA.id, 'Operation details for task force A', 'Private coordination notes');
    secretReplyId = (await reply(as['member-a'], secret.thread.id, 'more private notes')).id;
  });

  const assertNotFound = (res: { status: number; body: { error?: { code: string } } }, label: string) => {
    assert.equal(res.status, 404, label);
    assert.equal(res.body.error?.code, 'not_found', label);
    assert.doesNotMatch(JSON.stringify(res.body), /Operation details|private notes|Private coordination/, label);
  };

  it('answers 404 when member-b reads task force A’s private thread by id', async () => {
    assertNotFound(await as['member-b'].agent.get(`/api/threads/${secret.thread.id}`), 'read');
  });

  it('answers 404 when coordinator-b tries every write on task force A’s private thread and posts', async () => {
    const b = as['coordinator-b'];
    assertNotFound(await write(b, 'post', `/api/threads/${secret.thread.id}/posts`, { body: 'hello' }), 'reply');
    assertNotFound(await write(b, 'patch', `/api/threads/${secret.thread.id}`, { locked: true }), 'lock');
    assertNotFound(await write(b, 'patch', `/api/threads/${secret.thread.id}`, { title: 'Taken over' }), 'retitle');
    assertNotFound(await write(b, 'patch', `/api/posts/${secretReplyId}`, { body: 'edit' }), 'edit');
    assertNotFound(await write(b, 'delete', `/api/posts/${secretReplyId}`), 'delete');
    assertNotFound(await write(b, 'post', `/api/posts/${secretReplyId}/reactions`, { reaction: 'like' }), 'react');
    const still = await as['member-a'].agent.get(`/api/threads/${secret.thread.id}`).expect(200);
    assert.equal(still.body.thread.locked, false);
    assert.equal(still.body.posts.length, 2);
  });

  it('leaves task force A’s private space out of member-b’s category list', async () => {
    const items = (await as['member-b'].agent.get('/api/categories').expect(200)).body.items as CategoryDto[];
    assert.ok(!items.some((c) => c.id === privateA.id));
  });

  it('answers 404 when member-b lists or posts into task force A’s private category by id', async () => {
    assertNotFound(await as['member-b'].agent.get(`/api/categories/${privateA.id}/threads`), 'list');
    assertNotFound(await write(as['member-b'], 'post', '/api/threads', { categoryId: privateA.id, title: 'Sneaking in', body: 'x' }), 'create');
  });

  it('answers 404 when a moderator tries to move a thread into a category that does not exist', async () => {
    const { thread } = await startThread(as['member-a'], privateA.id);
    assertNotFound(await write(as.moderator, 'patch', `/api/threads/${thread.id}`, { categoryId: 'e'.repeat(24) }), 'move');
  });

  it('answers 404 when coordinator-b moves a thread of their own space into task force A’s private space', async () => {
    const privateB = (await categoriesBySlug(as.moderator))['private-demo-b'];
    const { thread } = await startThread(as['member-b'], privateB.id);
    assertNotFound(await write(as['coordinator-b'], 'patch', `/api/threads/${thread.id}`, { categoryId: privateA.id }), 'move');
  });

  it('shows task force A’s private threads to member-a and moderators in the list', async () => {
    for (const p of [as['member-a'], as.moderator]) {
      const items = (await p.agent.get(`/api/categories/${privateA.id}/threads`).expect(200)).body.items as ThreadDto[];
      assert.ok(items.some((t) => t.id === secret.thread.id), p.name);
    }
  });

  it('answers 409 when the author edits their post after a moderator locked the thread', async () => {
    const { thread, posts } = await startThread(as['member-a'], privateA.id);
    await write(as.moderator, 'patch', `/api/threads/${thread.id}`, { locked: true }).expect(200);
    const res = await write(as['member-a'], 'patch', `/api/posts/${posts[0].id}`, { body: 'after the lock' });
    assert.equal(res.status, 409);
    await write(as['member-a'], 'patch', `/api/threads/${thread.id}`, { title: 'Retitled after lock' }).expect(409);
  });
});
