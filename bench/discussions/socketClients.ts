// The socket clients, in a process of their own (forked with an IPC channel by broadcast.ts): opens many
// socket.io-client sockets, joins them to one room, and times `post:created` on every socket from the moment
// this process sends the request that causes it (the app's POST of a reply, or the bare server's trigger).
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientCommand, ClientReply } from './clientProtocol.js';

type Target = 'app' | 'bare';

interface Round {
  target: Target;
  startedAt: number;
  latencies: number[];
  payload?: unknown;
}

const sockets: Record<Target, Socket[]> = { app: [], bare: [] };
let round: Round | undefined;

const reply = (message: ClientReply) => process.send!(message);

function openOne(target: Target, url: string, cookie: string | undefined, join: { event: string; payload: unknown }): Promise<Socket> {
  const socket = connect(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 30_000,
    extraHeaders: { origin: url, ...(cookie ? { cookie } : {}) },
  });
  socket.on('post:created', (payload: unknown) => {
    if (round?.target !== target) return;
    round.latencies.push(performance.now() - round.startedAt);
    round.payload ??= payload;
  });
  return new Promise((resolve, reject) => {
    const fail = (err: Error) => {
      socket.close();
      reject(err);
    };
    socket.once('connect_error', fail);
    socket.once('connect', () => {
      socket
        .timeout(30_000)
        .emitWithAck(join.event, join.payload)
        .then((ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? resolve(socket) : fail(new Error(`join refused: ${ack.error?.code}`))), fail);
    });
  });
}

async function openMany(command: Extract<ClientCommand, { type: 'connect' }>): Promise<void> {
  const started = performance.now();
  const count = command.cookies?.length ?? command.count ?? 0;
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      try {
        sockets[command.target].push(await openOne(command.target, command.url, command.cookies?.[i], command.join));
      } catch (err) {
        failed++;
        firstError ??= (err as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: command.concurrency }, worker));
  reply({ type: 'connected', id: command.id, connected: sockets[command.target].length, failed, firstError, ms: performance.now() - started });
}

async function runRound(command: Extract<ClientCommand, { type: 'round' }>): Promise<void> {
  const expected = sockets[command.target].length;
  const current: Round = { target: command.target, startedAt: performance.now(), latencies: [] };
  round = current;
  let status: number;
  let responseMs = NaN;
  try {
    const res = await fetch(command.trigger.url, { method: 'POST', headers: command.trigger.headers, body: command.trigger.body });
    status = res.status;
    await res.arrayBuffer();
    responseMs = performance.now() - current.startedAt;
  } catch {
    status = -1;
  }
  const deadline = current.startedAt + command.timeoutMs;
  while (current.latencies.length < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  round = undefined;
  reply({ type: 'round', id: command.id, status, responseMs, expected, latencies: current.latencies, payload: current.payload });
}

process.on('message', (command: ClientCommand) => {
  if (command.type === 'connect') void openMany(command);
  else if (command.type === 'round') void runRound(command);
  else if (command.type === 'disconnect') {
    for (const socket of sockets[command.target].splice(0)) socket.close();
    reply({ type: 'disconnected', id: command.id });
  }
});
process.on('disconnect', () => process.exit(0));
