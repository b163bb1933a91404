import assert from 'node:assert/strict';
import type { Response } from 'supertest';
import { startTestApp, type TestApp } from '../support/app.js';
import { signInAll, type Persona } from './discussionsSupport.js';
import { uniqueWord } from './searchSupport.js';

/** Refused as the client's fault, carrying nothing but the error. */
function assertRefused(res: Response, label: string): void {
  assert.equal(res.status, 400, `${label}: expected 400, got ${res.status} ${res.text.slice(0, 200)}`);
  assert.deepEqual(Object.keys(res.body), ['error'], label);
  assert.equal(res.body.error.code, 'validation_failed', label);
}

const forgedCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('search: malformed and hostile queries', () => {
  let app: TestApp;
  let as: Record<'member-b', Persona>;
  before(async () => {
    app = await startTestApp();
    as = await signInAll(app, ['member-b'] as const);
  });
  after(() => app.close());

  const rawQuery = (query: string) => as['member-b'].agent.get(`/api/search?${query}`);

  it('answers 400 for operator, array and prototype shapes in the query string', async () => {
    const shapes = [
      'q[$ne]=',
      'q[$ne]=x',
      'q[]=a&q[]=b',
      'q=ab&q=cd',
      'q[$regex]=.*',
      'q=ab&kind=__proto__',
      'q=ab&kind=constructor',
      'q=ab&kind[]=post',
      'q=ab&__proto__[kind]=post',
      '__proto__=ab',
      'q=ab&limit[$gt]=1',
      'q=ab&cursor[$ne]=x',
      'q=ab&extra=1',
    ];
    for (const shape of shapes) assertRefused(await rawQuery(shape), shape);
  });

  it('answers 400 when q is missing, too short after trimming, or too long', async () => {
    for (const shape of ['', 'q=', 'q=a', `q=${encodeURIComponent('   a   ')}`, `q=${'a'.repeat(201)}`, `q=${'word '.repeat(2000)}`]) {
      assertRefused(await rawQuery(shape), shape.slice(0, 40));
    }
  });

  it('answers 400 for limits and cursors it did not issue', async () => {
    const bad = ['limit=0', 'limit=51', 'limit=-1', 'limit=abc', 'limit=1.5', 'cursor=not-a-cursor', `cursor=${forgedCursor({ o: 10_000 })}`, `cursor=${forgedCursor({ o: -1 })}`, `cursor=${forgedCursor({ o: { $gt: 0 } })}`, `cursor=${forgedCursor({ __proto__: { o: 1 } })}`];
    for (const shape of bad) assertRefused(await rawQuery(`q=ab&${shape}`), shape);
  });

  it('answers 200 with no hits for queries that are only text operators or stop words', async () => {
    for (const q of ['-ab', '""', '"-"', 'the and', '$where', '{"$gt":""}', '\\"\\"', `-${uniqueWord()} -"x y"`]) {
      const res = await rawQuery(`q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, `${q}: ${res.status} ${res.text.slice(0, 200)}`);
      assert.ok(Array.isArray(res.body.items), q);
    }
  });

  it('answers 401 when nobody is signed in', async () => {
    const res = await app.agent().get('/api/search?q=anything');
    assert.equal(res.status, 401);
  });
});
