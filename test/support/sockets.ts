import { io as connect, type Socket } from 'socket.io-client';
import { isRoomOfThread, type ClientToServerEvents, type ServerToClientEvents } from '../../shared/realtime.js';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The `name=value` of the session cookie a sign-in response set. */
export function sessionCookieOf(res: { headers: Record<string, unknown> }): string {
  const cookies = ([] as string[]).concat((res.headers['set-cookie'] as string[] | string | undefined) ?? []);
  const cookie = cookies.find((c) => c.startsWith('tfc.sid='));
  if (!cookie) throw new Error('the response set no session cookie');
  return cookie.split(';')[0];
}

/** Opens a socket as a browser on our origin would: websocket transport, the session cookie, our Origin. */
export function openSocket(baseUrl: string, opts: { cookie?: string; origin?: string } = {}): TestSocket {
  return connect(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { ...(opts.cookie ? { cookie: opts.cookie } : {}), origin: opts.origin ?? baseUrl },
  });
}

/** Resolves when connected, rejects with the server's refusal. */
export const connected = (socket: TestSocket) =>
  new Promise<void>((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });

export const nextEvent = <E extends keyof ServerToClientEvents>(socket: TestSocket, event: E, timeoutMs = 3000) =>
  new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => {
      clearTimeout(timer);
      resolve(payload);
    }) as never);
  });

export const disconnected = (socket: TestSocket, timeoutMs = 3000) =>
  new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });

/** Member ids of the sockets in any of a thread's rooms (its room is named for its space: see `threadRoom`). */
export async function threadRoomMembers(io: { fetchSockets(): Promise<{ rooms: Set<string>; data: { memberId?: unknown } }[]> }, threadId: string): Promise<string[]> {
  const sockets = await io.fetchSockets();
  return sockets.filter((s) => [...s.rooms].some((room) => isRoomOfThread(room, threadId) && !room.endsWith(':moderators'))).map((s) => s.data.memberId as string);
}
