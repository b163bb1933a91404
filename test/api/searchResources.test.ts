import assert from 'node:assert/strict';
import type { ResourceSearchResultDto } from '../../shared/dto/search.js';
import { reply, startThread, useDiscussionApp, write } from './discussionsSupport.js';
import { shareFile } from './resourcesSupport.js';
import { allHitIds, searchAnyAs, uniqueWord } from './searchSupport.js';

const personas = ['member-a', 'member-b', 'moderator'] as const;
const textFile = (text: string) => ({ bytes: Buffer.from(text, 'utf8'), name: 'notes.txt' });

describe('search: library resources', () => {
  const { as, categories } = useDiscussionApp(personas);
  let openCategoryId: string;
  before(() => {
    openCategoryId = categories['victim-services'].id;
  });

  it('finds a community resource by a word of its title, with its type, description snippet and uploader', async () => {
    const word = uniqueWord();
    const resource = await shareFile(as['member-a'], textFile('Intake steps.'), { title: `Intake checklist ${word}`, type: 'checklist', description: 'Use this at first contact with a survivor.' });
    const { items, nextCursor } = await searchAnyAs(as['member-b'], word);
    assert.equal(nextCursor, null);
    assert.deepEqual(items, [{
      kind: 'resource', id: resource.id, title: resource.title, resourceType: 'checklist', snippet: 'Use this at first contact with a survivor.',
      author: resource.uploader, createdAt: resource.createdAt,
    } satisfies ResourceSearchResultDto]);
  });

  it('finds a resource by the text of its file, with the snippet cut from that text', async () => {
    const word = uniqueWord();
    const filler = 'General guidance for partner agencies on shared case files. '.repeat(6);
    const resource = await shareFile(as['member-a'], textFile(`${filler}The ${word} hotline takes calls at night. ${filler}`), { description: 'A guide.' });
    const [hit] = (await searchAnyAs(as['member-b'], word)).items;
    assert.equal(hit.id, resource.id);
    assert.ok(hit.snippet.includes(`The ${word} hotline takes calls at night.`), hit.snippet);
    assert.ok(hit.snippet.startsWith('…') && hit.snippet.length <= 202, hit.snippet);
  });

  it('mixes threads and resources in one ranking, and `kind` keeps to one of them', async () => {
    const word = uniqueWord();
    const { thread } = await startThread(as['member-a'], openCategoryId, `Thread about ${word}`, 'Opening words.');
    const resource = await shareFile(as['member-b'], textFile('Body.'), { title: `Resource about ${word}` });
    const all = (await searchAnyAs(as['member-a'], word)).items;
    assert.deepEqual(new Set(all.map((i) => `${i.kind}:${i.id}`)), new Set([`thread:${thread.id}`, `resource:${resource.id}`]));
    assert.deepEqual((await searchAnyAs(as['member-a'], word, { kind: 'resource' })).items.map((i) => [i.kind, i.id]), [['resource', resource.id]]);
    assert.deepEqual((await searchAnyAs(as['member-a'], word, { kind: 'thread' })).items.map((i) => [i.kind, i.id]), [['thread', thread.id]]);
    assert.deepEqual((await searchAnyAs(as['member-a'], word, { kind: 'post' })).items, []);
  });

  it('lists threads and replies but no resource for kind=discussion, folding a matching opening post into its thread', async () => {
    const word = uniqueWord();
    const { thread } = await startThread(as['member-a'], openCategoryId, `Both ${word}`, `Opening ${word}`);
    const answer = await reply(as['member-b'], thread.id, `Reply ${word}`);
    await shareFile(as['member-b'], textFile('Body.'), { title: `Resource ${word}` });
    const { items } = await searchAnyAs(as['member-a'], word, { kind: 'discussion' });
    assert.deepEqual(new Set(items.map((i) => `${i.kind}:${i.id}`)), new Set([`thread:${thread.id}`, `post:${answer.id}`]));
  });

  it('ranks a resource whose title matches above one whose file text does', async () => {
    const word = uniqueWord();
    const inText = await shareFile(as['member-a'], textFile(`Mentions ${word} once in the file.`));
    const inTitle = await shareFile(as['member-a'], textFile('Nothing here.'), { title: `Title with ${word}` });
    assert.deepEqual((await searchAnyAs(as['member-b'], word)).items.map((i) => i.id), [inTitle.id, inText.id]);
  });

  it('pages through threads and resources together without repeating or losing a hit', async () => {
    const word = uniqueWord();
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await shareFile(as['member-a'], textFile(`File ${i}`), { title: `Sheet ${i} ${word}` })).id);
    for (let i = 0; i < 2; i++) made.push((await startThread(as['member-a'], openCategoryId, `Talk ${i} ${word}`, 'Body.')).thread.id);
    const ids = await allHitIds(as['member-b'], word, { limit: '2' });
    assert.equal(ids.length, 5);
    assert.deepEqual(new Set(ids), new Set(made));
  });

  it('never finds a deleted resource', async () => {
    const word = uniqueWord();
    const resource = await shareFile(as['member-a'], textFile(`Soon gone ${word}`), { title: `Deleted ${word}` });
    assert.equal((await searchAnyAs(as['member-b'], word)).items.length, 1);
    await write(as['member-a'], 'delete', `/api/resources/${resource.id}`).expect(200);
    for (const p of [as['member-a'], as['member-b'], as.moderator]) assert.deepEqual((await searchAnyAs(p, word)).items, [], p.name);
  });

  it('rejects a kind it does not know with 400', async () => {
    const res = await as['member-a'].agent.get('/api/search').query({ q: 'anything', kind: 'resources' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'validation_failed');
  });
});
