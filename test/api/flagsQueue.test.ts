import assert from 'node:assert/strict';
import type { FlagDto, FlagPage } from '../../shared/dto/flag.js';
import { reply, startThread, useDiscussionApp, write, type Persona } from './discussionsSupport.js';

const personas = ['member-a', 'member-b', 'coordinator-a', 'coordinator-b', 'moderator', 'admin'] as const;

describe('flags: the moderation queue', () => {
  const { as, categories } = useDiscussionApp(personas);
  let openFlag: FlagDto;
  let privateAFlag: FlagDto;
  let privateBFlag: FlagDto;
  before(async () => {
    const flagged = async (author: Persona, reporter: Persona, slug: string, text: string) => {
      const { thread } = await startThread(author, categories[slug].id);
      const post = await reply(author, thread.id, text);
      const res = await write(reporter, 'post', `/api/posts/${post.id}/flags`, { reason: 'harassment', note: `note on ${text}` });
      assert.equal(res.status, 201, res.text);
      return res.body.flag as FlagDto;
    };
    openFlag = await flagged(as['member-a'], as['member-b'], 'victim-services', 'open space post');
    privateAFlag = await flagged(as['member-a'], as['coordinator-a'], 'private-demo-a', 'task force A secret post');
    privateBFlag = await flagged(as['member-b'], as['coordinator-b'], 'private-demo-b', 'task force B secret post');
  });

  /** Every open flag the persona's queue lists, following cursors. */
  async function queueOf(p: Persona): Promise<FlagDto[]> {
    const all: FlagDto[] = [];
    let cursor: string | null = null;
    do {
      const res = await p.agent.get('/api/moderation/flags').query({ status: 'open', limit: 100, ...(cursor ? { cursor } : {}) });
      assert.equal(res.status, 200, `${p.name}: ${res.text}`);
      const page = res.body as FlagPage;
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }
  const ids = (flags: FlagDto[]) => new Set(flags.map((f) => f.id));

  it('shows moderators and admins every flag, with the post excerpt and thread', async () => {
    for (const p of [as.moderator, as.admin]) {
      const queue = await queueOf(p);
      for (const f of [openFlag, privateAFlag, privateBFlag]) assert.ok(ids(queue).has(f.id), `${p.name} sees ${f.post?.excerpt}`);
      const shown = queue.find((f) => f.id === privateAFlag.id)!;
      assert.equal(shown.post?.excerpt, 'task force A secret post');
      assert.equal(shown.post?.categoryId, categories['private-demo-a'].id);
      assert.equal(shown.reason, 'harassment');
    }
  });

  it('shows coordinator-a only flags in task force A’s private space', async () => {
    const queue = await queueOf(as['coordinator-a']);
    assert.ok(ids(queue).has(privateAFlag.id));
    assert.ok(!ids(queue).has(openFlag.id));
    assert.ok(!ids(queue).has(privateBFlag.id));
    assert.ok(queue.every((f) => f.post?.categoryId === categories['private-demo-a'].id));
  });

  it('never shows coordinator-b task force A’s flags', async () => {
    const queue = await queueOf(as['coordinator-b']);
    assert.ok(!ids(queue).has(privateAFlag.id));
    assert.ok(ids(queue).has(privateBFlag.id));
  });

  it('answers 403 to members', async () => {
    for (const p of [as['member-a'], as['member-b']]) {
      const res = await p.agent.get('/api/moderation/flags');
      assert.equal(res.status, 403, p.name);
      assert.doesNotMatch(res.text, /secret post/);
    }
  });

  it('follows its thread when a moderator moves it into a private space', async () => {
    const { thread } = await startThread(as['member-a'], categories['prosecution'].id);
    const post = await reply(as['member-a'], thread.id, 'post that moves');
    const created = (await write(as['member-b'], 'post', `/api/posts/${post.id}/flags`, { reason: 'off_topic' }).expect(201)).body.flag as FlagDto;
    assert.ok(!ids(await queueOf(as['coordinator-a'])).has(created.id));
    await write(as.moderator, 'patch', `/api/threads/${thread.id}`, { categoryId: categories['private-demo-a'].id }).expect(200);
    assert.ok(ids(await queueOf(as['coordinator-a'])).has(created.id));
    assert.ok(!ids(await queueOf(as['coordinator-b'])).has(created.id));
  });

  it('pages oldest first and refuses queries it does not understand', async () => {
    const first = await as.moderator.agent.get('/api/moderation/flags').query({ limit: 1 }).expect(200);
    assert.equal(first.body.items.length, 1);
    assert.ok(first.body.nextCursor);
    const second = await as.moderator.agent.get('/api/moderation/flags').query({ limit: 1, cursor: first.body.nextCursor }).expect(200);
    assert.notEqual(second.body.items[0].id, first.body.items[0].id);
    assert.ok(second.body.items[0].createdAt >= first.body.items[0].createdAt);
    for (const q of ['status=closed', 'status[$ne]=open', 'limit=0', 'cursor=zzz', 'cursor[$gt]=a', 'other=1']) {
      assert.equal((await as.moderator.agent.get(`/api/moderation/flags?${q}`)).status, 400, q);
    }
  });
});
