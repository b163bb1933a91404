import assert from 'node:assert/strict';
import { AuditEntry } from '../../server/db/models/AuditEntry.js';
import type { PostDto } from '../../shared/dto/discussion.js';
import { reply, startThread, uniqueTitle, useDiscussionApp, write } from './discussionsSupport.js';

const personas = ['member-a', 'member-b', 'coordinator-a', 'moderator'] as const;

describe('discussions: threads', () => {
  const { as, categories } = useDiscussionApp(personas);

  it('creates a thread with its rendered opening post when a member posts in an open category', async () => {
    const title = uniqueTitle('Labor indicators');
    const created = await startThread(as['member-a'], categories['labor-trafficking'].id, title, 'See **the guide**');
    assert.equal(created.thread.title, title);
    assert.equal(created.thread.categoryId, categories['labor-trafficking'].id);
    assert.equal(created.thread.replyCount, 0);
    assert.equal(created.thread.author?.id, as['member-a'].id);
    assert.equal(created.posts.length, 1);
    const [opening] = created.posts;
    assert.equal(opening.parentId, null);
    assert.equal(opening.depth, 0);
    assert.equal(opening.body, 'See **the guide**');
    assert.match(opening.bodyHtml, /<strong>the guide<\/strong>/);
    assert.deepEqual(created.thread.abilities, { canReply: true, canEditTitle: true, canModerate: false });
  });

  it('stores raw HTML in a body as escaped text when a member tries to inject a script', async () => {
    const created = await startThread(as['member-a'], categories['labor-trafficking'].id, uniqueTitle('Markup'), '<script>alert(1)</script><img src=x onerror=alert(1)>');
    assert.doesNotMatch(created.posts[0].bodyHtml, /<script|<img/i);
  });

  it('refuses a thread with a too-short title or an empty body when the input is invalid', async () => {
    for (const body of [
      { categoryId: categories['labor-trafficking'].id, title: 'ab', body: 'x' },
      { categoryId: categories['labor-trafficking'].id, title: 'Valid title', body: '   ' },
      { categoryId: categories['labor-trafficking'].id, title: 'Valid title' },
      { categoryId: categories['labor-trafficking'].id, title: 'Valid title', body: 'x', extra: true },
    ]) {
      const res = await write(as['member-a'], 'post', '/api/threads', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, 'validation_failed');
    }
  });

  it('answers 404 when the category does not exist', async () => {
    const res = await write(as['member-a'], 'post', '/api/threads', { categoryId: 'a'.repeat(24), title: 'Nowhere thread', body: 'x' });
    assert.equal(res.status, 404);
  });

  it('returns posts in tree order with parent ids and depths when replies nest', async () => {
    const { thread, posts } = await startThread(as['member-a'], categories['prosecution'].id);
    const first = await reply(as['member-b'], thread.id, 'first top-level');
    const second = await reply(as['member-a'], thread.id, 'second top-level');
    const nested = await reply(as['coordinator-a'], thread.id, 'answer to first', first.id);
    const res = await as['member-b'].agent.get(`/api/threads/${thread.id}`).expect(200);
    const got = res.body.posts as PostDto[];
    assert.deepEqual(got.map((p) => p.id), [posts[0].id, first.id, nested.id, second.id]);
    assert.deepEqual(got.map((p) => p.parentId), [null, posts[0].id, first.id, posts[0].id]);
    assert.deepEqual(got.map((p) => p.depth), [0, 1, 2, 1]);
    assert.equal(res.body.thread.replyCount, 3);
  });

  it('attaches a reply beside its target when the target is already at depth 6', async () => {
    const { thread } = await startThread(as['member-a'], categories['prosecution'].id);
    let parent: PostDto | undefined;
    const chain: PostDto[] = [];
    for (let i = 0; i < 6; i++) {
      parent = await reply(as['member-a'], thread.id, `level ${i + 1}`, parent?.id);
      chain.push(parent);
    }
    assert.equal(chain[5].depth, 6);
    const deeper = await reply(as['member-b'], thread.id, 'too deep', chain[5].id);
    assert.equal(deeper.depth, 6);
    assert.equal(deeper.parentId, chain[4].id);
    assert.equal(deeper.replyToId, chain[5].id);
    const res = await as['member-a'].agent.get(`/api/threads/${thread.id}`).expect(200);
    assert.ok(Math.max(...(res.body.posts as PostDto[]).map((p) => p.depth)) <= 6);
  });

  it('lets the author retitle a thread and audits it', async () => {
    const { thread } = await startThread(as['member-a'], categories['prosecution'].id);
    const title = uniqueTitle('Renamed');
    const res = await write(as['member-a'], 'patch', `/api/threads/${thread.id}`, { title }).expect(200);
    assert.equal(res.body.thread.title, title);
    const entry = await AuditEntry.findOne({ action: 'thread.updated', target: `thread:${thread.id}` }).lean();
    assert.ok(entry);
    assert.deepEqual(entry.details?.changed, ['title']);
  });

  it('refuses another member retitling a thread they did not start', async () => {
    const { thread } = await startThread(as['member-a'], categories['prosecution'].id);
    const res = await write(as['member-b'], 'patch', `/api/threads/${thread.id}`, { title: 'Hijacked title' });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'forbidden');
  });

  it('refuses the author pinning their own thread when they are not a moderator', async () => {
    const { thread } = await startThread(as['member-a'], categories['prosecution'].id);
    await write(as['member-a'], 'patch', `/api/threads/${thread.id}`, { pinned: true }).expect(403);
  });

  it('pins and locks a thread when a moderator asks, and reports it in the abilities', async () => {
    const { thread } = await startThread(as['member-a'], categories['prosecution'].id);
    const res = await write(as.moderator, 'patch', `/api/threads/${thread.id}`, { pinned: true, locked: true }).expect(200);
    assert.equal(res.body.thread.pinned, true);
    assert.equal(res.body.thread.locked, true);
    const seen = await as['member-a'].agent.get(`/api/threads/${thread.id}`).expect(200);
    assert.equal(seen.body.thread.abilities.canReply, false);
    assert.equal(seen.body.thread.abilities.canEditTitle, false);
    assert.equal(seen.body.posts[0].abilities.canEdit, false);
  });

  it('moves a thread into a private space when a moderator asks, hiding it from other task forces', async () => {
    const { thread } = await startThread(as['member-a'], categories['prosecution'].id);
    await as['member-b'].agent.get(`/api/threads/${thread.id}`).expect(200);
    const res = await write(as.moderator, 'patch', `/api/threads/${thread.id}`, { categoryId: categories['private-demo-a'].id }).expect(200);
    assert.equal(res.body.thread.categoryId, categories['private-demo-a'].id);
    await as['member-b'].agent.get(`/api/threads/${thread.id}`).expect(404);
    await as['member-a'].agent.get(`/api/threads/${thread.id}`).expect(200);
  });

  it('lets a coordinator lock a thread in their own private space but not move it out to an open category', async () => {
    const { thread } = await startThread(as['member-a'], categories['private-demo-a'].id);
    await write(as['coordinator-a'], 'patch', `/api/threads/${thread.id}`, { locked: true }).expect(200);
    const move = await write(as['coordinator-a'], 'patch', `/api/threads/${thread.id}`, { categoryId: categories['prosecution'].id });
    assert.equal(move.status, 403);
  });

  it('refuses a coordinator pinning a thread when it is in an open category', async () => {
    const { thread } = await startThread(as['member-a'], categories['prosecution'].id);
    await write(as['coordinator-a'], 'patch', `/api/threads/${thread.id}`, { pinned: true }).expect(403);
  });

  it('answers 400 when a thread update names no change', async () => {
    const { thread } = await startThread(as['member-a'], categories['prosecution'].id);
    await write(as.moderator, 'patch', `/api/threads/${thread.id}`, {}).expect(400);
  });
});
