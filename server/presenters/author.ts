import { displayNameOf, type MemberDoc } from '../db/models/Member.js';
import type { AuthorDto } from '../../shared/dto/discussion.js';

/** Authors of the documents being presented, by member id; loaded in one query by the use case. */
export type AuthorsById = ReadonlyMap<string, MemberDoc>;

export function presentAuthor(authors: AuthorsById, id: { toString(): string }): AuthorDto | null {
  const member = authors.get(id.toString());
  return member ? { id: member.id as string, displayName: displayNameOf(member), handle: member.handle ?? null } : null;
}
