import assert from 'node:assert/strict';
import type { CategoryDto } from '../../shared/dto/discussion.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { categoriesBySlug, reply, signInAll, startThread, write, type Persona } from '../api/discussionsSupport.js';
import { shareFile } from '../api/resourcesSupport.js';
import { searchAnyAs, searchAs, uniqueWord } from '../api/searchSupport.js';

const personas = ['member-a', 'coordinator-a', 'member-b', 'coordinator-b', 'moderator'] as const;
type Name = (typeof personas)[number];
const insiders: Name[] = ['member-a', 'coordinator-a', 'moderator'];
const outsiders: Name[] = ['member-b', 'coordinator-b'];

describe('search: task force isolation', () => {
  let app: TestApp;
  let as: Record<Name, Persona>;
  let categories: Record<string, CategoryDto>;
  before(async () => {
    app = await startTestApp();
    as = await signInAll(app, personas);
    categories = await categoriesBySlug(as.moderator);
  });
  after(() => app.close());

  /** Every hit of `q` (all kinds, and each kind) that belongs to the given threads. */
  async function hitsIn(p: Persona, q: string, threadIds: string[]): Promise<string[]> {
    const pages = [await searchAs(p, q), await searchAs(p, q, { kind: 'thread' }), await searchAs(p, q, { kind: 'post' })];
    return pages.flatMap((page) => page.items.filter((i) => threadIds.includes(i.threadId)).map((i) => i.id));
  }

  it('finds task force A’s private thread for its members and moderators only, by any query', async () => {
    const [inTitle, inOpening, inReply] = [uniqueWord(), uniqueWord(), uniqueWord()];
    const { thread } = await startThread(as['member-a'], categories['private-demo-a'].id, `Operation plan ${inTitle}`, `Private opening notes ${inOpening}`);
    await reply(as['coordinator-a'], thread.id, `Meet at the ${inReply} harbor warehouse before noon`);
    const queries = [inTitle, inOpening, inReply, `"${inReply} harbor warehouse"`, `${inTitle} ${inOpening} ${inReply}`, `operation ${inTitle}`, `${inReply} -nothing`];
    for (const q of queries) {
      for (const name of insiders) assert.ok((await hitsIn(as[name], q, [thread.id])).length > 0, `${name} should find ${q}`);
      for (const name of outsiders) {
        const res = await as[name].agent.get('/api/search').query({ q });
        assert.equal(res.status, 200);
        assert.deepEqual(res.body.items, [], `${name} must not find ${q}`);
        assert.doesNotMatch(res.text, new RegExp(`${inTitle}|${inOpening}|${inReply}|Operation plan`), name);
      }
    }
  });

  it('keeps task force B’s private space from task force A members the same way', async () => {
    const word = uniqueWord();
    const { thread } = await startThread(as['member-b'], categories['private-demo-b'].id, `B only ${word}`, `B notes ${word}`);
    assert.ok((await hitsIn(as['coordinator-b'], word, [thread.id])).length > 0);
    for (const name of ['member-a', 'coordinator-a'] as const) assert.deepEqual((await searchAs(as[name], word)).items, [], name);
  });

  it('stops member-b finding a thread’s posts once a moderator moves it into task force A’s private space', async () => {
    const word = uniqueWord();
    const { thread } = await startThread(as['member-a'], categories['labor-trafficking'].id, `Moving soon ${word}`, `Opening ${word}`);
    const later = await reply(as['member-b'], thread.id, `Reply by b ${word}`);
    assert.equal((await hitsIn(as['member-b'], word, [thread.id])).length, 5, 'before the move: thread, opening post (post kind) and reply, per kind');

    await write(as.moderator, 'patch', `/api/threads/${thread.id}`, { categoryId: categories['private-demo-a'].id }).expect(200);
    for (const name of outsiders) assert.deepEqual((await searchAs(as[name], word)).items, [], name);
    // Even the reply member-b wrote: it now lives in a space they cannot read.
    assert.deepEqual((await searchAs(as['member-b'], `"Reply by b ${word}"`)).items, []);
    for (const name of insiders) assert.ok((await hitsIn(as[name], word, [thread.id])).includes(later.id), name);

    await write(as.moderator, 'patch', `/api/threads/${thread.id}`, { categoryId: categories['prosecution'].id }).expect(200);
    const back = await searchAs(as['member-b'], word);
    assert.deepEqual(new Set(back.items.map((i) => i.categoryId)), new Set([categories['prosecution'].id]));
    assert.ok(back.items.some((i) => i.id === later.id));
  });

  it('keeps a coordinator’s move out of their space from leaking into search for the other task force', async () => {
    const word = uniqueWord();
    const { thread } = await startThread(as['member-a'], categories['private-demo-a'].id, `Coordinator move ${word}`, `Body ${word}`);
    assert.deepEqual((await searchAs(as['member-b'], word)).items, []);
    // coordinator-b cannot even see the thread, so cannot move it (404) and search stays closed.
    await write(as['coordinator-b'], 'patch', `/api/threads/${thread.id}`, { categoryId: categories['private-demo-b'].id }).expect(404);
    assert.deepEqual((await searchAs(as['coordinator-b'], word)).items, []);
  });

  it('finds task force A’s resource for its members and moderators only, by title, description or file text', async () => {
    const [inTitle, inDescription, inFile] = [uniqueWord(), uniqueWord(), uniqueWord()];
    const file = { bytes: Buffer.from(`Safe house rota ${inFile} for the spring`, 'utf8'), name: 'rota.txt' };
    const resource = await shareFile(as['member-a'], file, { title: `Rota ${inTitle}`, description: `Shared only with DEMO-A ${inDescription}`, visibility: 'task_force', tags: inTitle });
    for (const q of [inTitle, inDescription, inFile, `"rota ${inFile}"`, `${inTitle} ${inFile}`]) {
      for (const name of insiders) {
        for (const kind of [undefined, 'resource']) {
          const { items } = await searchAnyAs(as[name], q, kind ? { kind } : {});
          assert.deepEqual(items.map((i) => [i.kind, i.id]), [['resource', resource.id]], `${name} should find ${q}`);
        }
      }
      for (const name of outsiders) {
        for (const kind of [undefined, 'resource']) {
          const res = await as[name].agent.get('/api/search').query({ q, ...(kind ? { kind } : {}) });
          assert.equal(res.status, 200);
          assert.deepEqual(res.body.items, [], `${name} must not find ${q}`);
          assert.doesNotMatch(res.text, new RegExp(`${inTitle}|${inDescription}|${inFile}|Rota`), name);
        }
      }
    }
  });
});
