import { randomInt } from 'node:crypto';
import type { SearchPage } from '../../shared/dto/search.js';
import type { Persona } from './discussionsSupport.js';

// Consonants only: the English stemmer leaves such made-up words alone, so a test finds exactly its own posts.
const letters = 'bcdfghjkmnpqrtvwxz';
/** A word no other test (or run) writes, to search for. */
export const uniqueWord = (prefix = 'zq') => prefix + Array.from({ length: 9 }, () => letters[randomInt(letters.length)]).join('');

export async function searchAs(p: Persona, q: string, params: Record<string, string> = {}): Promise<SearchPage> {
  const res = await p.agent.get('/api/search').query({ q, ...params });
  if (res.status !== 200) throw new Error(`search ${JSON.stringify(q)} as ${p.name}: ${res.status} ${res.text}`);
  return res.body as SearchPage;
}

/** The ids of every hit, following cursors to the end. */
export async function allHitIds(p: Persona, q: string, params: Record<string, string> = {}): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: SearchPage = await searchAs(p, q, cursor ? { ...params, cursor } : params);
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}
