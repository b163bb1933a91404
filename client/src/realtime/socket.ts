import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/realtime.js';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Opens the tab's socket to our own origin. WebSocket only: browsers send no Origin header on same-origin GETs, so
 * long-polling would fail the server's Origin check, while every WebSocket handshake carries it.
 */
export function openRealtimeSocket(): RealtimeSocket {
  return io({
    path: '/socket.io',
    transports: ['websocket'],
    withCredentials: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 10_000,
  });
}
