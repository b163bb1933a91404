import { Member, type MemberDoc } from '../../db/models/Member.js';

/** The members who wrote the given documents, by id, in one query. */
export async function loadAuthors(...docs: { author: { toString(): string } }[]): Promise<Map<string, MemberDoc>> {
  const ids = [...new Set(docs.map((d) => d.author.toString()))];
  const members = ids.length ? await Member.find({ _id: { $in: ids } }) : [];
  return new Map(members.map((m) => [m.id as string, m]));
}
