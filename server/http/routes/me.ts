import { Router } from 'express';
import { presentMember } from '../../presenters/member.js';
import type { MeResponse } from '../../../shared/dto/member.js';

/** `GET /api/me`: the signed-in member and the CSRF token for their session. */
export function meRoutes(): Router {
  const router = Router();
  router.get('/me', (req, res) => {
    const body: MeResponse = { user: presentMember(req.member!, req.taskForce ?? null), csrfToken: req.session.csrfToken ?? '' };
    res.set('Cache-Control', 'no-store').json(body);
  });
  return router;
}
