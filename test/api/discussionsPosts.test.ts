import assert from 'node:assert/strict';
import { AuditEntry } from '../../server/db/models/AuditEntry.js';
import type { PostDto } from '../../shared/dto/discussion.js';
import { reply, startThread, useDiscussionApp, write, type Persona } from './discussionsSupport.js';

const personas = ['member-a', 'member-b', 'moderator'] as const;

describe('discussions: posts', () => {
  const { as, categories } = useDiscussionApp(personas);

  const openThread = () => startThread(as['member-a'], categories['victim-services'].id);
  const postsOf = async (viewer: Persona, threadId: string) => (await viewer.agent.get(`/api/threads/${threadId}`).expect(200)).body.posts as PostDto[];

  it('replies under the opening post and moves the thread up when a member replies', async () => {
    const { thread, posts } = await openThread();
    const post = await reply(as['member-b'], thread.id, 'Our shelter can help');
    assert.equal(post.parentId, posts[0].id);
    assert.equal(post.depth, 1);
    assert.equal(post.author?.id, as['member-b'].id);
    assert.match(post.bodyHtml, /Our shelter can help/);
    const after = await as['member-a'].agent.get(`/api/threads/${thread.id}`).expect(200);
    assert.equal(after.body.thread.replyCount, 1);
    assert.ok(after.body.thread.lastActivityAt > thread.lastActivityAt);
  });

  it('answers 400 when the parent post belongs to another thread', async () => {
    const one = await openThread();
    const other = await openThread();
    const res = await write(as['member-b'], 'post', `/api/threads/${one.thread.id}/posts`, { body: 'x', parentId: other.posts[0].id });
    assert.equal(res.status, 400);
  });

  it('answers 409 to a member and accepts a moderator when the thread is locked', async () => {
    const { thread } = await openThread();
    await write(as.moderator, 'patch', `/api/threads/${thread.id}`, { locked: true }).expect(200);
    const refused = await write(as['member-b'], 'post', `/api/threads/${thread.id}/posts`, { body: 'late reply' });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'conflict');
    await reply(as.moderator, thread.id, 'Closing note from the moderators');
  });

  it('keeps the previous body as a revision when the author edits a post', async () => {
    const { thread } = await openThread();
    const post = await reply(as['member-b'], thread.id, 'first wording');
    const res = await write(as['member-b'], 'patch', `/api/posts/${post.id}`, { body: 'second wording' }).expect(200);
    const edited = res.body.post as PostDto;
    assert.equal(edited.body, 'second wording');
    assert.ok(edited.editedAt);
    assert.deepEqual(edited.revisions?.map((r) => r.body), ['first wording']);
  });

  it('shows revision history to the author and moderators only when another member reads the thread', async () => {
    const { thread } = await openThread();
    const post = await reply(as['member-b'], thread.id, 'draft one');
    await write(as['member-b'], 'patch', `/api/posts/${post.id}`, { body: 'draft two' }).expect(200);
    const find = (posts: PostDto[]) => posts.find((p) => p.id === post.id)!;
    assert.equal(find(await postsOf(as['member-b'], thread.id)).revisions?.length, 1);
    assert.equal(find(await postsOf(as.moderator, thread.id)).revisions?.length, 1);
    assert.equal(find(await postsOf(as['member-a'], thread.id)).revisions, undefined);
  });

  it('refuses another member editing or deleting a post when they did not write it', async () => {
    const { thread } = await openThread();
    const post = await reply(as['member-b'], thread.id, 'mine');
    await write(as['member-a'], 'patch', `/api/posts/${post.id}`, { body: 'not yours' }).expect(403);
    await write(as['member-a'], 'delete', `/api/posts/${post.id}`).expect(403);
  });

  it('audits a moderator editing someone else’s post', async () => {
    const { thread } = await openThread();
    const post = await reply(as['member-b'], thread.id, 'needs a fix');
    await write(as.moderator, 'patch', `/api/posts/${post.id}`, { body: 'fixed by moderator' }).expect(200);
    assert.ok(await AuditEntry.exists({ action: 'post.edited_by_moderator', target: `post:${post.id}` }));
  });

  it('leaves a removed placeholder that keeps the tree when the author deletes a post', async () => {
    const { thread } = await openThread();
    const parent = await reply(as['member-b'], thread.id, 'to be removed');
    const child = await reply(as['member-a'], thread.id, 'answer stays', parent.id);
    const res = await write(as['member-b'], 'delete', `/api/posts/${parent.id}`).expect(200);
    assert.equal(res.body.post.removed, true);
    const posts = await postsOf(as['member-a'], thread.id);
    const placeholder = posts.find((p) => p.id === parent.id)!;
    assert.deepEqual([placeholder.removed, placeholder.body, placeholder.bodyHtml, placeholder.author], [true, '', '', null]);
    assert.equal(posts.find((p) => p.id === child.id)?.parentId, parent.id);
    assert.equal((await as['member-a'].agent.get(`/api/threads/${thread.id}`)).body.thread.replyCount, 1);
  });

  it('answers 409 when someone edits, deletes, reacts to or replies to a removed post', async () => {
    const { thread } = await openThread();
    const post = await reply(as['member-b'], thread.id, 'gone soon');
    await write(as['member-b'], 'delete', `/api/posts/${post.id}`).expect(200);
    await write(as['member-b'], 'patch', `/api/posts/${post.id}`, { body: 'revive' }).expect(409);
    await write(as['member-b'], 'delete', `/api/posts/${post.id}`).expect(409);
    await write(as['member-a'], 'post', `/api/posts/${post.id}/reactions`, { reaction: 'like' }).expect(409);
    await write(as['member-a'], 'post', `/api/threads/${thread.id}/posts`, { body: 'to nothing', parentId: post.id }).expect(409);
  });

  it('audits a moderator removing someone else’s post', async () => {
    const { thread } = await openThread();
    const post = await reply(as['member-b'], thread.id, 'off topic');
    await write(as.moderator, 'delete', `/api/posts/${post.id}`).expect(200);
    assert.ok(await AuditEntry.exists({ action: 'post.removed', target: `post:${post.id}` }));
  });

  it('toggles a reaction on and off when the same member reacts twice', async () => {
    const { thread } = await openThread();
    const post = await reply(as['member-b'], thread.id, 'helpful tip');
    const on = await write(as['member-a'], 'post', `/api/posts/${post.id}/reactions`, { reaction: 'thanks' }).expect(200);
    assert.deepEqual(on.body.post.reactions, [{ reaction: 'thanks', count: 1, mine: true }]);
    const other = await write(as.moderator, 'post', `/api/posts/${post.id}/reactions`, { reaction: 'thanks' }).expect(200);
    assert.deepEqual(other.body.post.reactions, [{ reaction: 'thanks', count: 2, mine: true }]);
    const off = await write(as['member-a'], 'post', `/api/posts/${post.id}/reactions`, { reaction: 'thanks' }).expect(200);
    assert.deepEqual(off.body.post.reactions, [{ reaction: 'thanks', count: 1, mine: false }]);
  });

  it('refuses a reaction outside the fixed set', async () => {
    const { posts } = await openThread();
    const res = await write(as['member-b'], 'post', `/api/posts/${posts[0].id}/reactions`, { reaction: 'angry' });
    assert.equal(res.status, 400);
  });

  it('answers 404 for posts and threads that do not exist', async () => {
    const missing = 'b'.repeat(24);
    await as['member-a'].agent.get(`/api/threads/${missing}`).expect(404);
    await write(as['member-a'], 'post', `/api/threads/${missing}/posts`, { body: 'x' }).expect(404);
    await write(as['member-a'], 'patch', `/api/posts/${missing}`, { body: 'x' }).expect(404);
    await write(as['member-a'], 'delete', `/api/posts/${missing}`).expect(404);
    await write(as['member-a'], 'post', `/api/posts/${missing}/reactions`, { reaction: 'like' }).expect(404);
  });
});
