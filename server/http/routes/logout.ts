import { Router } from 'express';
import type { Sessions } from '../../auth/session.js';
import { recordSignOut } from '../../domain/sessions/recordSignOut.js';
import { requireCsrfToken } from '../middleware/csrf.js';

/** `POST /auth/logout`: ends this session in the store (so every instance forgets it) and clears the cookie. */
export function logoutRoutes(sessions: Sessions): Router {
  const router = Router();
  router.post('/logout', (req, res, next) => (req.session?.memberId ? requireCsrfToken(req, res, next) : next()), async (req, res) => {
    const memberId = req.session?.memberId;
    const sessionId = req.sessionID;
    if (memberId) {
      await sessions.destroy(req);
      await recordSignOut({ memberId, sessionId, meta: { ip: req.ip, userAgent: req.get('user-agent') } });
    }
    res.clearCookie(sessions.cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.secure }).status(204).end();
  });
  return router;
}
