import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/app.js';
import { categoriesBySlug, signInAll, startThread, write, type Persona } from './discussionsSupport.js';

const roles = ['member-a', 'member-b', 'coordinator-a', 'coordinator-b', 'moderator', 'admin'] as const;
type PersonaName = (typeof roles)[number];
const spaces = { open: 'prosecution', a: 'private-demo-a', b: 'private-demo-b' } as const;
type Space = keyof typeof spaces;
const spaceLabel: Record<Space, string> = { open: 'an open category', a: 'task force A’s private space', b: 'task force B’s private space' };
const states = ['open', 'locked'] as const;
type State = (typeof states)[number];

// The expected rules, written out independently of server/policies (PRODUCT.md, "Permissions").
const readers: Record<Space, PersonaName[]> = {
  open: [...roles],
  a: ['member-a', 'coordinator-a', 'moderator', 'admin'],
  b: ['member-b', 'coordinator-b', 'moderator', 'admin'],
};
const moderators: Record<Space, PersonaName[]> = {
  open: ['moderator', 'admin'],
  a: ['coordinator-a', 'moderator', 'admin'],
  b: ['coordinator-b', 'moderator', 'admin'],
};
const mayRead = (p: PersonaName, s: Space) => readers[s].includes(p);
const mayModerate = (p: PersonaName, s: Space) => moderators[s].includes(p);
const mayReply = (p: PersonaName, s: Space, state: State) => mayRead(p, s) && (state === 'open' || mayModerate(p, s));

describe('discussions: policy table (role × category visibility × thread state)', () => {
  let app: TestApp;
  let as: Record<PersonaName, Persona>;
  const threadIds = new Map<string, string>();
  const key = (s: Space, state: State) => `${s}:${state}`;

  before(async () => {
    app = await startTestApp();
    as = await signInAll(app, roles);
    const categories = await categoriesBySlug(as.admin);
    for (const s of Object.keys(spaces) as Space[]) {
      for (const state of states) {
        const { thread } = await startThread(as.admin, categories[spaces[s]].id);
        if (state === 'locked') await write(as.admin, 'patch', `/api/threads/${thread.id}`, { locked: true }).expect(200);
        threadIds.set(key(s, state), thread.id);
      }
    }
  });
  after(() => app.close());

  for (const p of roles) {
    for (const s of Object.keys(spaces) as Space[]) {
      for (const state of states) {
        const where = `the thread is ${state} in ${spaceLabel[s]}`;
        const verb = (allowed: boolean) => (allowed ? 'allows' : 'refuses');

        it(`${verb(mayRead(p, s))} ${p} reading when ${where}`, async () => {
          const res = await as[p].agent.get(`/api/threads/${threadIds.get(key(s, state))}`);
          assert.equal(res.status, mayRead(p, s) ? 200 : 404);
          if (res.status === 200) {
            assert.equal(res.body.thread.abilities.canReply, mayReply(p, s, state));
            assert.equal(res.body.thread.abilities.canModerate, mayModerate(p, s));
          } else {
            assert.equal(res.body.thread, undefined);
          }
        });

        it(`${verb(mayReply(p, s, state))} ${p} a reply when ${where}`, async () => {
          const res = await write(as[p], 'post', `/api/threads/${threadIds.get(key(s, state))}/posts`, { body: `reply from ${p}` });
          const expected = !mayRead(p, s) ? 404 : mayReply(p, s, state) ? 201 : 409;
          assert.equal(res.status, expected, JSON.stringify(res.body));
        });

        it(`${verb(mayModerate(p, s))} ${p} pinning when ${where}`, async () => {
          const res = await write(as[p], 'patch', `/api/threads/${threadIds.get(key(s, state))}`, { pinned: true });
          const expected = !mayRead(p, s) ? 404 : mayModerate(p, s) ? 200 : 403;
          assert.equal(res.status, expected, JSON.stringify(res.body));
        });
      }
    }
  }
});
