// The broadcast baseline, in a process of its own: a bare Socket.IO 4 server with the app's adapter situation
// (@socket.io/redis-streams-adapter on Redis, connection state recovery on), no authentication, one room.
// `POST /broadcast {room, payload}` emits `post:created` with the payload to the room.
import http from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const redis = createClient({ url: env('REDIS_URL') });
await redis.connect();
const prefix = env('REDIS_PREFIX');

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  if (req.method !== 'POST' || req.url !== '/broadcast') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const { room, payload } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { room: string; payload: unknown };
    io.to(room).emit('post:created', payload);
    res.writeHead(202).end();
  });
});

const io = new Server(server, {
  path: '/socket.io',
  serveClient: false,
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  adapter: createAdapter(redis, { streamName: `${prefix}socket.io`, sessionKeyPrefix: `${prefix}socket.io:session:` }),
});
io.on('connection', (socket) => {
  socket.on('join', async (room: unknown, ack: unknown) => {
    if (typeof room !== 'string' || typeof ack !== 'function') return;
    await socket.join(room);
    ack({ ok: true });
  });
});

server.listen(Number(env('PORT')), '127.0.0.1');
process.on('SIGTERM', () => {
  io.close(() => {
    redis.quit().finally(() => process.exit(0));
  });
});
