import type { Types } from 'mongoose';
import { Member, type MemberFields } from '../../db/models/Member.js';

/** What a post or thread shows of its author. */
export type AuthorRecord = Pick<MemberFields, 'givenName' | 'surname' | 'email' | 'handle'> & { _id: Types.ObjectId };

/** The members who wrote the given documents, by id, in one lean query of the fields an author is shown by. */
export async function loadAuthors(...docs: { author: { toString(): string } }[]): Promise<Map<string, AuthorRecord>> {
  const ids = [...new Set(docs.map((d) => d.author.toString()))];
  const members = ids.length ? await Member.find({ _id: { $in: ids } }, { givenName: 1, surname: 1, email: 1, handle: 1 }).lean<AuthorRecord[]>() : [];
  return new Map(members.map((m) => [m._id.toString(), m]));
}
