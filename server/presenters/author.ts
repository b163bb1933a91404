import { displayNameOf, type MemberFields } from '../db/models/Member.js';
import type { AuthorDto } from '../../shared/dto/discussion.js';

/** What an author is shown by: a member document, hydrated or lean. */
export type AuthorSource = Pick<MemberFields, 'givenName' | 'surname' | 'email' | 'handle'>;

/** Authors of the documents being presented, by member id; loaded in one query by the use case. */
export type AuthorsById = ReadonlyMap<string, AuthorSource>;

export function presentAuthor(authors: AuthorsById, id: { toString(): string }): AuthorDto | null {
  const key = id.toString();
  const member = authors.get(key);
  return member ? { id: key, displayName: displayNameOf(member), handle: member.handle ?? null } : null;
}
