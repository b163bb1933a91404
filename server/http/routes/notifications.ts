import { Router } from 'express';
import { listNotifications } from '../../domain/notifications/listNotifications.js';
import { markNotificationsRead } from '../../domain/notifications/markNotificationsRead.js';
import { viewerOf } from '../../policies/index.js';
import { presentNotification } from '../../presenters/notification.js';
import type { NotificationPage, NotificationsReadResponse } from '../../../shared/dto/notification.js';
import { listNotificationsQuery, markNotificationsReadBody } from '../../../shared/schemas/notifications.js';
import { input, validate } from '../middleware/validate.js';

const listSchemas = { query: listNotificationsQuery };
const markReadSchemas = { body: markNotificationsReadBody };

/** `GET /api/notifications`, `POST /api/notifications/read` (../shared/API.md, "notifications"). */
export function notificationRoutes(): Router {
  const router = Router();
  router.get('/notifications', validate(listSchemas), async (req, res) => {
    const page = await listNotifications({ viewer: viewerOf(req.member!), query: input(req, listSchemas).query });
    const body: NotificationPage = {
      items: page.notifications.map((n) => presentNotification(n, page.threads.get(n.thread.toString())!, page.actors)),
      nextCursor: page.nextCursor,
      unreadCount: page.unreadCount,
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
  router.post('/notifications/read', validate(markReadSchemas), async (req, res) => {
    const body: NotificationsReadResponse = await markNotificationsRead({ viewer: viewerOf(req.member!), input: input(req, markReadSchemas).body });
    res.json(body);
  });
  return router;
}
