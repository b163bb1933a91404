import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import type { DiscussionSearchResultDto, SearchPage } from '../../shared/dto/search.js';
import type { Persona } from './discussionsSupport.js';

// Consonants only: the English stemmer leaves such made-up words alone, so a test finds exactly its own posts.
const letters = 'bcdfghjkmnpqrtvwxz';
/** A word no other test (or run) writes, to search for. */
export const uniqueWord = (prefix = 'zq') => prefix + Array.from({ length: 9 }, () => letters[randomInt(letters.length)]).join('');

/** Every kind of hit of `q`, one page. */
export async function searchAnyAs(p: Persona, q: string, params: Record<string, string> = {}): Promise<SearchPage> {
  const res = await p.agent.get('/api/search').query({ q, ...params });
  if (res.status !== 200) throw new Error(`search ${JSON.stringify(q)} as ${p.name}: ${res.status} ${res.text}`);
  return res.body as SearchPage;
}

/**
 * One page of `q` among discussions only (other suites share the database and share resources whose words may
 * match): a resource hit fails the test.
 */
export async function searchAs(p: Persona, q: string, params: Record<string, string> = {}): Promise<{ items: DiscussionSearchResultDto[]; nextCursor: string | null }> {
  const page = await searchAnyAs(p, q, { kind: 'discussion', ...params });
  const items = page.items.map((i) => (i.kind === 'resource' ? assert.fail(`unexpected resource hit ${i.id} for ${q}`) : i));
  return { items, nextCursor: page.nextCursor };
}

/** The ids of every hit, following cursors to the end. */
export async function allHitIds(p: Persona, q: string, params: Record<string, string> = {}): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: SearchPage = await searchAnyAs(p, q, cursor ? { ...params, cursor } : params);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}
