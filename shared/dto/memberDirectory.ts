import type { Discipline } from './member.js';

/** A member as mention autocomplete shows them: never their email. */
export interface MemberLookupItemDto {
  id: string;
  displayName: string;
  handle: string;
  taskForceName: string;
  discipline: Discipline;
}

export interface MemberLookupPage {
  items: MemberLookupItemDto[];
  /** Always null: lookup answers one short page. */
  nextCursor: null;
}
