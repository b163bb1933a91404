import { Router } from 'express';
import { lookupMembers } from '../../domain/members/lookupMembers.js';
import { presentMemberLookupItem } from '../../presenters/memberLookup.js';
import type { MemberLookupPage } from '../../../shared/dto/memberDirectory.js';
import { memberLookupQuery } from '../../../shared/schemas/members.js';
import { input, validate } from '../middleware/validate.js';

const lookupSchemas = { query: memberLookupQuery };

/** `GET /api/members?q=&limit=`: mention autocomplete over the directory (the full directory is a later issue). */
export function memberRoutes(): Router {
  const router = Router();
  router.get('/members', validate(lookupSchemas), async (req, res) => {
    const { members, taskForces } = await lookupMembers({ query: input(req, lookupSchemas).query });
    const body: MemberLookupPage = { items: members.map((m) => presentMemberLookupItem(m, taskForces)), nextCursor: null };
    res.json(body);
  });
  return router;
}
