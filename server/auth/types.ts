import type { MemberDoc } from '../db/models/Member.js';
import type { TaskForceDoc } from '../db/models/TaskForce.js';

declare module 'express-session' {
  interface SessionData {
    memberId: string;
    /** Epoch ms of sign-in: the absolute timeout counts from here. */
    createdAt: number;
    /** Epoch ms of the last authenticated request: the idle timeout counts from here. */
    lastSeenAt: number;
    csrfToken: string;
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      member?: MemberDoc;
      taskForce?: TaskForceDoc;
    }
  }
}

export {};
