import assert from 'node:assert/strict';
import type { ResourceDto } from '../../shared/dto/resource.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { docxWith, pdfWith } from '../fixtures/uploadFiles.js';
import { signInAll, type Persona } from './discussionsSupport.js';
import { download, shareFile } from './resourcesSupport.js';

describe('resources: browsing with filters, sorts and pages', function () {
  this.timeout(60_000);
  let app: TestApp;
  let p: Record<'member-a' | 'member-b' | 'moderator', Persona>;
  // A tag only this run uses, so other suites' resources in the shared database never interfere.
  const tag = `browse${Date.now().toString(36)}`;
  const ids: Record<string, string> = {};

  before(async () => {
    app = await startTestApp();
    p = await signInAll(app, ['member-a', 'member-b', 'moderator']);
    ids.aProtocol = (await shareFile(p['member-a'], { bytes: pdfWith('protocol one'), name: 'p1.pdf' }, { tags: `${tag}, protocols`, type: 'protocol' })).id;
    ids.aTemplate = (await shareFile(p['member-a'], { bytes: docxWith('template two'), name: 't2.docx' }, { tags: tag, type: 'template' })).id;
    ids.bChecklist = (await shareFile(p['member-b'], { bytes: pdfWith('checklist three'), name: 'c3.pdf' }, { tags: tag, type: 'checklist' })).id;
    ids.bPrivate = (await shareFile(p['member-b'], { bytes: pdfWith('private four'), name: 'p4.pdf' }, { tags: tag, type: 'protocol', visibility: 'task_force' })).id;
  });
  after(() => app.close());

  const list = async (who: Persona, query: Record<string, string | number>) => {
    const res = await who.agent.get('/api/resources').query({ tag, ...query });
    assert.equal(res.status, 200, res.text);
    return res.body as { items: ResourceDto[]; nextCursor: string | null };
  };
  const idsOf = (page: { items: ResourceDto[] }) => page.items.map((r) => r.id);

  it('lists newest first and filters by tag, type, task force and discipline, inside what the member may read', async () => {
    assert.deepEqual(idsOf(await list(p['member-a'], {})), [ids.bChecklist, ids.aTemplate, ids.aProtocol]);
    assert.deepEqual(idsOf(await list(p['member-b'], {})), [ids.bPrivate, ids.bChecklist, ids.aTemplate, ids.aProtocol]);
    assert.deepEqual(idsOf(await list(p['member-a'], { type: 'protocol' })), [ids.aProtocol]);
    assert.deepEqual(idsOf(await list(p.moderator, { type: 'protocol' })), [ids.bPrivate, ids.aProtocol]);
    const bTaskForce = (await list(p['member-b'], {})).items.find((r) => r.id === ids.bChecklist)!.taskForce!.id;
    assert.deepEqual(idsOf(await list(p['member-a'], { taskForce: bTaskForce })), [ids.bChecklist]);
    // member-a is law enforcement, member-b victim services (the dev IdP's personas).
    assert.deepEqual(idsOf(await list(p['member-a'], { discipline: 'victim_services' })), [ids.bChecklist]);
    assert.deepEqual(idsOf(await list(p['member-a'], { discipline: 'law_enforcement' })), [ids.aTemplate, ids.aProtocol]);
  });

  it('sorts by downloads with a stable cursor across pages', async () => {
    for (let i = 0; i < 2; i++) await download(p['member-a'], `/api/resources/${ids.aProtocol}/download`).expect(200);
    await download(p['member-a'], `/api/resources/${ids.bChecklist}/download`).expect(200);
    const first = await list(p['member-a'], { sort: 'popular', limit: 2 });
    assert.deepEqual(idsOf(first), [ids.aProtocol, ids.bChecklist]);
    assert.ok(first.nextCursor);
    const second = await list(p['member-a'], { sort: 'popular', limit: 2, cursor: first.nextCursor! });
    // The read rule holds on later pages too: member-b's task-force-only resource never appears for member-a.
    assert.deepEqual(idsOf(second), [ids.aTemplate]);
    assert.equal(second.nextCursor, null);
    // A cursor of one sort does not page another.
    const wrong = await p['member-a'].agent.get('/api/resources').query({ tag, cursor: first.nextCursor! });
    assert.equal(wrong.status, 400);
  });

  it('pages newest-first lists and text search without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: ResourceDto[]; nextCursor: string | null } = await list(p['member-b'], cursor ? { limit: 1, cursor } : { limit: 1 });
      seen.push(...idsOf(page));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [ids.bPrivate, ids.bChecklist, ids.aTemplate, ids.aProtocol]);
    // Every title here starts with "Resource", so the ranked search pages through all four.
    const ranked: string[] = [];
    cursor = null;
    do {
      const page: { items: ResourceDto[]; nextCursor: string | null } = await list(p['member-b'], cursor ? { q: 'resource', limit: 3, cursor } : { q: 'resource', limit: 3 });
      ranked.push(...idsOf(page));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual([...ranked].sort(), [ids.aProtocol, ids.aTemplate, ids.bChecklist, ids.bPrivate].sort());
  });

  it('answers 400, never 500, to malformed list queries', async () => {
    const bad: Record<string, unknown>[] = [
      { type: 'nope' }, { sort: 'random' }, { limit: 0 }, { limit: 1000 }, { taskForce: 'xyz' }, { discipline: 'wizard' },
      { cursor: 'not-a-cursor' }, { q: 'a' }, { q: 'x'.repeat(300) }, { 'q[$ne]': 'x' }, { 'tag[$gt]': '' }, { unknown: 1 },
    ];
    for (const query of bad) {
      const res = await p['member-a'].agent.get('/api/resources').query(query as Record<string, string>);
      assert.equal(res.status, 400, JSON.stringify(query));
      assert.equal(res.body.error.code, 'validation_failed');
    }
    const repeated = await p['member-a'].agent.get('/api/resources?type=protocol&type=template');
    assert.equal(repeated.status, 400);
  });
});
