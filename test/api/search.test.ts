import assert from 'node:assert/strict';
import type { DiscussionSearchResultDto } from '../../shared/dto/search.js';
import { reply, startThread, useDiscussionApp, write } from './discussionsSupport.js';
import { allHitIds, searchAs, uniqueWord } from './searchSupport.js';

const personas = ['member-a', 'member-b', 'moderator'] as const;

describe('search: threads and posts', () => {
  const { as, categories } = useDiscussionApp(personas);
  let openCategoryId: string;
  before(() => {
    openCategoryId = categories['victim-services'].id;
  });

  it('finds a thread by a word of its title, with the opening post as snippet', async () => {
    const word = uniqueWord();
    const { thread, posts } = await startThread(as['member-a'], openCategoryId, `Shelter referrals ${word}`, 'How do your partners take late-night referrals?');
    const { items, nextCursor } = await searchAs(as['member-b'], word);
    assert.equal(items.length, 1);
    assert.equal(nextCursor, null);
    const hit = items[0];
    assert.deepEqual(
      { kind: hit.kind, id: hit.id, threadId: hit.threadId, threadTitle: hit.threadTitle, categoryId: hit.categoryId, snippet: hit.snippet, author: hit.author?.id },
      { kind: 'thread', id: thread.id, threadId: thread.id, threadTitle: thread.title, categoryId: openCategoryId, snippet: 'How do your partners take late-night referrals?', author: as['member-a'].id },
    );
    assert.equal(hit.createdAt, thread.createdAt);
    assert.notEqual(hit.id, posts[0].id);
  });

  it('finds a reply by a word of its body, with its thread’s title', async () => {
    const word = uniqueWord();
    const { thread } = await startThread(as['member-a'], openCategoryId);
    const found = await reply(as['member-b'], thread.id, `We use a ${word} checklist for that.`);
    const { items } = await searchAs(as['member-a'], word);
    assert.deepEqual(items.map((i) => [i.kind, i.id, i.threadId, i.threadTitle, i.author?.id]), [['post', found.id, thread.id, thread.title, as['member-b'].id]]);
    assert.equal(items[0].snippet, `We use a ${word} checklist for that.`);
  });

  it('matches other forms of a word when the query is plural ("interviews" finds "interview")', async () => {
    const word = uniqueWord();
    const { thread } = await startThread(as['member-a'], openCategoryId);
    const match = await reply(as['member-a'], thread.id, `The forensic interview went well ${word}`);
    const other = await reply(as['member-a'], thread.id, `Nothing relevant here ${word}`);
    // Other suites may write "interview" too: look for this test's posts among all the hits.
    const ids = await allHitIds(as['member-b'], 'interviews', { kind: 'post', limit: '50' });
    assert.ok(ids.includes(match.id));
    assert.ok(!ids.includes(other.id));
  });

  it('requires the exact phrase when the query quotes it, and drops negated words', async () => {
    const word = uniqueWord();
    const { thread } = await startThread(as['member-a'], openCategoryId);
    const exact = await reply(as['member-a'], thread.id, `Labor trafficking indicators ${word}`);
    const scrambled = await reply(as['member-a'], thread.id, `Trafficking of labor, indicators ${word}`);
    assert.deepEqual((await searchAs(as['member-b'], `"labor trafficking" ${word}`)).items.map((i) => i.id), [exact.id]);
    assert.deepEqual((await searchAs(as['member-b'], `${word} -labor`)).items.map((i) => i.id), []);
    assert.deepEqual((await searchAs(as['member-b'], `${word} -"labor trafficking"`)).items.map((i) => i.id), [scrambled.id]);
  });

  it('never finds a removed post, nor shows a removed opening post in a thread’s snippet', async () => {
    const word = uniqueWord();
    const secret = uniqueWord();
    const { thread, posts } = await startThread(as['member-a'], openCategoryId, `Removed things ${word}`, `Opening text ${secret}`);
    const gone = await reply(as['member-a'], thread.id, `Regrettable reply ${secret}`);
    await write(as['member-a'], 'delete', `/api/posts/${gone.id}`).expect(200);
    await write(as['member-a'], 'delete', `/api/posts/${posts[0].id}`).expect(200);
    for (const p of [as['member-b'], as.moderator]) {
      assert.deepEqual((await searchAs(p, secret)).items, [], p.name);
      const { items } = await searchAs(p, word);
      assert.deepEqual(items.map((i) => [i.kind, i.id, i.snippet]), [['thread', thread.id, '']], p.name);
    }
  });

  it('lists a thread once when its title and opening post both match, and each kind on its own when asked', async () => {
    const word = uniqueWord();
    const { thread, posts } = await startThread(as['member-a'], openCategoryId, `Both match ${word}`, `The opening post says ${word} too`);
    const replyHit = await reply(as['member-b'], thread.id, `A reply mentioning ${word}`);
    const all = (await searchAs(as['member-b'], word)).items;
    assert.deepEqual(all.map((i) => i.kind).sort(), ['post', 'thread']);
    assert.deepEqual(new Set(all.map((i) => i.id)), new Set([thread.id, replyHit.id]));
    assert.deepEqual((await searchAs(as['member-b'], word, { kind: 'thread' })).items.map((i) => i.id), [thread.id]);
    assert.deepEqual(new Set((await searchAs(as['member-b'], word, { kind: 'post' })).items.map((i) => i.id)), new Set([posts[0].id, replyHit.id]));
  });

  it('ranks the closer match first and, among equal matches, the newer', async () => {
    const word = uniqueWord();
    const { thread } = await startThread(as['member-a'], openCategoryId);
    const older = await reply(as['member-a'], thread.id, `${word} mentioned once among quite a few other ordinary words here`);
    const dense = await reply(as['member-a'], thread.id, `${word} ${word} ${word}`);
    const newer = await reply(as['member-a'], thread.id, `${word} mentioned once among quite a few other ordinary words here`);
    assert.deepEqual((await searchAs(as['member-b'], word)).items.map((i) => i.id), [dense.id, newer.id, older.id]);
  });

  it('pages with an opaque cursor without repeating or losing a hit', async () => {
    const word = uniqueWord();
    const { thread } = await startThread(as['member-a'], openCategoryId);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await reply(as['member-a'], thread.id, `Note ${i} about ${word}`)).id);
    const first = await searchAs(as['member-b'], word, { limit: '2' });
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const ids = await allHitIds(as['member-b'], word, { limit: '2' });
    assert.equal(ids.length, 5);
    assert.deepEqual(new Set(ids), new Set(made));
  });

  it('builds snippets as plain text around the first match, without markup', async () => {
    const word = uniqueWord();
    const { thread } = await startThread(as['member-a'], openCategoryId);
    const filler = 'Background on the case review process and the partners involved. '.repeat(8);
    await reply(as['member-a'], thread.id, `${filler}**Bold claim** with a [link](https://example.org) and ${word} near the end. ${filler}`);
    const [hit] = (await searchAs(as['member-b'], word)).items as DiscussionSearchResultDto[];
    assert.ok(hit.snippet.includes(word), hit.snippet);
    assert.ok(hit.snippet.startsWith('…') && hit.snippet.endsWith('…'), hit.snippet);
    assert.ok(hit.snippet.length <= 202, `${hit.snippet.length}`);
    assert.doesNotMatch(hit.snippet, /<|\*\*|\]\(/);
    assert.ok(hit.snippet.includes('Bold claim with a link and'), hit.snippet);
  });
});
