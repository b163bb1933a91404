import assert from 'node:assert/strict';
import type { PostDto, ThreadDetailResponse } from '../../shared/dto/discussion.js';
import { reply, startThread, useDiscussionApp, write, type Persona } from './discussionsSupport.js';

// The thread view keeps a per-process copy of a thread's posts (server/domain/discussions/threadContent.ts). These
// read a thread, change it, and read it again: every change must show at once, and access must never come from the copy.
const personas = ['member-a', 'member-b', 'moderator'] as const;

describe('thread view: posts served from the per-process copy', () => {
  const { as, categories } = useDiscussionApp(personas);

  const read = async (viewer: Persona, threadId: string) => (await viewer.agent.get(`/api/threads/${threadId}`).expect(200)).body as ThreadDetailResponse;
  const postOf = (detail: ThreadDetailResponse, id: string) => detail.posts.find((p) => p.id === id) as PostDto;

  it('shows a reply, an edit, a reaction and a removal on the read right after each', async () => {
    const { thread } = await startThread(as['member-a'], categories['victim-services'].id);
    assert.equal((await read(as['member-b'], thread.id)).posts.length, 1);

    const answer = await reply(as['member-b'], thread.id, 'First version');
    assert.equal(postOf(await read(as['member-b'], thread.id), answer.id).body, 'First version');

    await write(as['member-b'], 'patch', `/api/posts/${answer.id}`, { body: 'Second version' }).expect(200);
    assert.equal(postOf(await read(as['member-b'], thread.id), answer.id).body, 'Second version');

    await write(as['member-a'], 'post', `/api/posts/${answer.id}/reactions`, { reaction: 'thanks' }).expect(200);
    assert.deepEqual(postOf(await read(as['member-b'], thread.id), answer.id).reactions, [{ reaction: 'thanks', count: 1, mine: false }]);
    assert.deepEqual(postOf(await read(as['member-a'], thread.id), answer.id).reactions, [{ reaction: 'thanks', count: 1, mine: true }]);

    await write(as['member-b'], 'delete', `/api/posts/${answer.id}`).expect(200);
    const removed = postOf(await read(as['member-a'], thread.id), answer.id);
    assert.equal(removed.removed, true);
    assert.equal(removed.body, '');
  });

  it('presents the same posts per viewer: abilities and revision history follow who reads', async () => {
    const { thread } = await startThread(as['member-a'], categories['victim-services'].id);
    const answer = await reply(as['member-a'], thread.id, 'Before the edit');
    await write(as['member-a'], 'patch', `/api/posts/${answer.id}`, { body: 'After the edit' }).expect(200);
    const mine = postOf(await read(as['member-a'], thread.id), answer.id);
    const theirs = postOf(await read(as['member-b'], thread.id), answer.id);
    assert.equal(mine.abilities.canEdit, true);
    assert.deepEqual(mine.revisions?.map((r) => r.body), ['Before the edit']);
    assert.equal(theirs.abilities.canEdit, false);
    assert.equal(theirs.revisions, undefined);
    assert.equal(theirs.author?.id, as['member-a'].id);
  });

  it('answers 404 to a member who read the thread before it moved into another task force’s space', async () => {
    const { thread } = await startThread(as['member-a'], categories['victim-services'].id);
    await read(as['member-b'], thread.id);
    await write(as.moderator, 'patch', `/api/threads/${thread.id}`, { categoryId: categories['private-demo-a'].id }).expect(200);
    await as['member-b'].agent.get(`/api/threads/${thread.id}`).expect(404);
    assert.equal((await read(as['member-a'], thread.id)).posts.length, 1);
  });

  it('marks the thread read on every open and reports whether the member watches it', async () => {
    const { thread } = await startThread(as['member-a'], categories['victim-services'].id);
    await reply(as['member-b'], thread.id, 'News for the author');
    const listed = async () => {
      const res = await as['member-a'].agent.get(`/api/categories/${categories['victim-services'].id}/threads`).expect(200);
      return (res.body.items as { id: string; unreadCount: number; watching: boolean }[]).find((t) => t.id === thread.id)!;
    };
    assert.equal((await listed()).unreadCount, 1);
    const opened = await read(as['member-a'], thread.id);
    assert.deepEqual([opened.thread.unreadCount, opened.thread.watching], [0, true]);
    assert.equal((await listed()).unreadCount, 0);
    // Opening again while up to date changes nothing.
    const again = await read(as['member-a'], thread.id);
    assert.deepEqual([again.thread.unreadCount, again.thread.watching], [0, true]);

    await as['member-a'].agent.delete(`/api/threads/${thread.id}/watch`).set('X-CSRF-Token', as['member-a'].csrf).expect(200);
    assert.equal((await read(as['member-a'], thread.id)).thread.watching, false);
    // A reader who never had anything to do with it reads it all, and does not watch it.
    const first = await read(as.moderator, thread.id);
    assert.deepEqual([first.thread.unreadCount, first.thread.watching], [0, false]);
  });
});
