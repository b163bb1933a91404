import { Member, type MemberDoc } from '../../db/models/Member.js';
import { limits } from '../../../shared/limits.js';

const DUPLICATE_KEY = 11000;
/** Suffixes tried before giving up; collisions past a few are rare, and a random tail ends the search. */
const ATTEMPTS = 20;

/** A handle-safe form of a name: ASCII letters and digits, words joined by dots ("Zoë O'Brien" → "zoe.obrien"). */
export function handleBaseOf(person: { givenName?: string | null; surname?: string | null; email: string }): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .replace(/[^a-z0-9._-]+/g, '.')
      .replace(/[._-]{2,}/g, '.')
      .replace(/^[._-]+|[._-]+$/g, '');
  const fromName = slug([person.givenName, person.surname].filter(Boolean).join(' '));
  const base = fromName || slug(person.email.split('@')[0] ?? '') || 'member';
  // Room for a numeric suffix within the maximum length.
  return base.slice(0, limits.mentionHandle.max - 6).replace(/[._-]+$/, '') || 'member';
}

const isDuplicateKey = (err: unknown) => (err as { code?: number } | null)?.code === DUPLICATE_KEY;

/**
 * Gives a member without a handle one: the base, else base2, base3, … The unique index decides races between two
 * sign-ins; a lost race moves on to the next candidate. Returns the member with its handle set.
 */
export async function assignHandle(member: MemberDoc): Promise<MemberDoc> {
  if (member.handle) return member;
  const base = handleBaseOf(member);
  for (let attempt = 1; attempt <= ATTEMPTS + 1; attempt++) {
    const candidate = attempt === 1 ? base : attempt <= ATTEMPTS ? `${base}${attempt}` : `${base}${Math.floor(Math.random() * 1e6)}`;
    if (attempt <= ATTEMPTS && (await Member.exists({ handle: candidate }))) continue;
    try {
      const updated = await Member.findOneAndUpdate({ _id: member._id, handle: { $exists: false } }, { $set: { handle: candidate } }, { returnDocument: 'after' });
      // Someone else gave this member a handle meanwhile: keep theirs.
      if (!updated) return (await Member.findById(member._id)) ?? member;
      member.handle = updated.handle;
      return member;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  return member;
}
