import assert from 'node:assert/strict';
import { AuditEntry } from '../../server/db/models/AuditEntry.js';
import type { PostDto } from '../../shared/dto/discussion.js';
import type { FlagDto } from '../../shared/dto/flag.js';
import { reply, startThread, useDiscussionApp, write, type Persona } from './discussionsSupport.js';

const personas = ['member-a', 'member-b', 'coordinator-a', 'coordinator-b', 'moderator', 'admin'] as const;

describe('flags: reporting a post', () => {
  const { as, categories } = useDiscussionApp(personas);

  const flag = (p: Persona, postId: string, body: unknown) => write(p, 'post', `/api/posts/${postId}/flags`, body);
  const openPost = async (text = 'A post someone may flag') => {
    const { thread } = await startThread(as['member-a'], categories['labor-trafficking'].id);
    return reply(as['member-a'], thread.id, text);
  };

  it('records a flag and audits it without the note', async () => {
    const post = await openPost('Victim lives at the blue house');
    const note = 'This names where she lives: 12 Elm Street';
    const res = await flag(as['member-b'], post.id, { reason: 'pii', note });
    assert.equal(res.status, 201, res.text);
    const created = res.body.flag as FlagDto;
    assert.equal(created.reason, 'pii');
    assert.equal(created.note, note);
    assert.equal(created.status, 'open');
    assert.equal(created.reporter?.id, as['member-b'].id);
    assert.equal(created.post?.id, post.id);
    assert.equal(created.post?.excerpt, 'Victim lives at the blue house');

    const audit = await AuditEntry.findOne({ action: 'post.flagged', target: `post:${post.id}` }).lean();
    assert.ok(audit, 'audited');
    assert.equal(String(audit.actorId), as['member-b'].id);
    assert.equal((audit.details as { reason?: string }).reason, 'pii');
    assert.doesNotMatch(JSON.stringify(audit), /Elm Street|blue house/);
  });

  it('answers 409 to a second open flag by the same member on the same post, but not to another member', async () => {
    const post = await openPost();
    await flag(as['member-b'], post.id, { reason: 'spam' }).expect(201);
    const again = await flag(as['member-b'], post.id, { reason: 'harassment' });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'conflict');
    await flag(as['coordinator-b'], post.id, { reason: 'spam' }).expect(201);
  });

  it('keeps one open flag when the same member submits twice at once', async () => {
    const post = await openPost();
    const statuses = (await Promise.all([flag(as['member-b'], post.id, { reason: 'spam' }), flag(as['member-b'], post.id, { reason: 'spam' })])).map((r) => r.status);
    assert.deepEqual(statuses.sort(), [201, 409]);
  });

  it('answers 403 when the author flags their own post', async () => {
    const post = await openPost();
    const res = await flag(as['member-a'], post.id, { reason: 'spam' });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'forbidden');
  });

  it('answers 404 for a post the member may not read, or that does not exist', async () => {
    const { posts } = await startThread(as['member-a'], categories['private-demo-a'].id, 'Private A thread to flag', 'Private body');
    for (const [p, id] of [[as['member-b'], posts[0].id], [as['coordinator-b'], posts[0].id], [as['member-b'], 'a'.repeat(24)]] as const) {
      const res = await flag(p, id, { reason: 'spam' });
      assert.equal(res.status, 404, p.name);
      assert.doesNotMatch(res.text, /Private/);
    }
  });

  it('answers 409 for a removed post', async () => {
    const post = await openPost();
    await write(as['member-a'], 'delete', `/api/posts/${post.id}`).expect(200);
    assert.equal((await flag(as['member-b'], post.id, { reason: 'spam' })).status, 409);
  });

  it('answers 400 for a bad reason, a missing note on "other", a long note or extra fields', async () => {
    const post = await openPost();
    const bad = [{}, { reason: 'rude' }, { reason: 'other' }, { reason: 'other', note: '   ' }, { reason: 'spam', note: 'x'.repeat(501) }, { reason: 'spam', status: 'resolved' }, { reason: { $ne: null } }, { reason: 'spam', note: { $gt: '' } }];
    for (const body of bad) {
      const res = await flag(as['member-b'], post.id, body);
      assert.equal(res.status, 400, JSON.stringify(body));
    }
    await flag(as['member-b'], post.id, { reason: 'other', note: 'Looks like a sales pitch' }).expect(201);
  });

  it('tells each reader whether they may flag a post (canFlag)', async () => {
    const post = await openPost();
    const view = async (p: Persona) => ((await p.agent.get(`/api/threads/${post.threadId}`).expect(200)).body.posts as PostDto[]).find((x) => x.id === post.id)!;
    assert.equal((await view(as['member-b'])).abilities.canFlag, true);
    assert.equal((await view(as['member-a'])).abilities.canFlag, false);
  });
});
