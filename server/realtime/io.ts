import type http from 'node:http';
import type { RequestHandler } from 'express';
import { Server, type Socket } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import type { Clock } from '../clock.js';
import type { Sessions } from '../auth/session.js';
import type { RedisClient } from '../redis/client.js';
import { socketSessionPrefix, socketStreamName } from '../redis/keys.js';
import { memberRoom, sessionRoom, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/realtime.js';
import { notificationBroadcasts } from './broadcasters/notifications.js';
import { postBroadcasts } from './broadcasters/posts.js';
import { sessionBroadcasts } from './broadcasters/sessions.js';
import { threadBroadcasts } from './broadcasters/threads.js';
import { handleThreadRooms } from './threadRooms.js';
import { loadMemberAccess } from '../domain/members/loadMemberAccess.js';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** A client that reconnects within this window gets the packets it missed (connection state recovery). */
const RECOVERY_WINDOW_MS = 2 * 60_000;

/**
 * Socket.IO on the app's own HTTP server: the handshake must carry a live session cookie and our Origin.
 * With Redis, the streams adapter shares rooms across instances and can replay missed packets.
 */
export function createRealtime(deps: { config: Config; logger: Logger; sessions: Sessions; redis?: RedisClient; clock: Clock }): {
  io: RealtimeServer;
  attach(server: http.Server): void;
  dispose(): void;
} {
  const ourOrigin = new URL(deps.config.PUBLIC_URL).origin;
  const io: RealtimeServer = new Server({
    path: '/socket.io',
    serveClient: false,
    allowRequest: (req, callback) => callback(null, req.headers.origin === ourOrigin),
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
    ...(deps.redis ? { adapter: createAdapter(deps.redis, { streamName: socketStreamName(), sessionKeyPrefix: socketSessionPrefix() }) } : {}),
  });

  io.use(async (socket, next) => {
    const request = socket.request as http.IncomingMessage & { session?: { memberId?: string; createdAt?: number; lastSeenAt?: number }; sessionID?: string };
    const session = request.session;
    const now = deps.clock.now();
    const live = session?.memberId && now - (session.createdAt ?? 0) <= deps.sessions.absoluteMs && now - (session.lastSeenAt ?? 0) <= deps.sessions.idleMs;
    const access = live ? await loadMemberAccess(session.memberId!) : null;
    const member = access?.allowed ? access.member : null;
    if (!member || !request.sessionID) return next(new Error('unauthenticated'));
    socket.data.memberId = member.id as string;
    await socket.join([memberRoom(member.id as string), sessionRoom(request.sessionID)]);
    next();
  });
  io.on('connection', (socket: RealtimeSocket) => {
    socket.on('ping', (ack) => typeof ack === 'function' && ack({ ok: true }));
    handleThreadRooms(socket);
  });

  const stopBroadcasts = [sessionBroadcasts(io), postBroadcasts(io, deps.logger), threadBroadcasts(io, deps.logger), notificationBroadcasts(io, deps.logger)];
  return {
    io,
    attach(server) {
      io.attach(server);
      // The engine exists only once attached; the session middleware reads the handshake's cookie.
      io.engine.use(deps.sessions.middleware as unknown as RequestHandler);
    },
    dispose: () => {
      stopBroadcasts.forEach((stop) => stop());
    },
  };
}
