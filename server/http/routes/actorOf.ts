import type { Request } from 'express';
import type { Actor } from '../../domain/context.js';

/** The signed-in member and where the request came from, for use cases and their audit entries. */
export const actorOf = (req: Request): Actor => ({ member: req.member!, ip: req.ip, userAgent: req.get('user-agent') });
