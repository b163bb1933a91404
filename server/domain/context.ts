import type { MemberDoc } from '../db/models/Member.js';

/** Who is acting and from where: carried from the edge into every use case for audit entries. */
export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

export interface Actor extends RequestMeta {
  member: MemberDoc;
}
