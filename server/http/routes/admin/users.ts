import { Router } from 'express';
import { updateMember } from '../../../domain/members/updateMember.js';
import { presentMember } from '../../../presenters/member.js';
import { memberIdParams, updateMemberBody } from '../../../../shared/schemas/admin.js';
import { input, validate } from '../../middleware/validate.js';

const patchSchemas = { params: memberIdParams, body: updateMemberBody };

/** `PATCH /api/admin/users/:id` `{status?, role?}`: admins, and coordinators for their own task force. */
export function adminUserRoutes(): Router {
  const router = Router();
  router.patch('/users/:id', validate(patchSchemas), async (req, res) => {
    const { params, body } = input(req, patchSchemas);
    const { member, taskForce } = await updateMember({ actor: { member: req.member!, ip: req.ip, userAgent: req.get('user-agent') }, memberId: params.id, input: body });
    res.json({ user: presentMember(member, taskForce) });
  });
  return router;
}
