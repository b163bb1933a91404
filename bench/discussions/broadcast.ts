// Broadcast latency and memory per connection: distinct signed-in members' sockets (one client process) join a
// thread room of the app and, alternately, a room of a bare Socket.IO server; each round times `post:created`
// on every socket from the moment the client process sends the request that causes it.
import type { BenchResult } from '../run.js';
import { freePort } from '../../test/support/ports.js';
import type { ClientCommand, ClientReply } from './clientProtocol.js';
import { openInspector } from './inspector.js';
import { residentBytes, startTsProcess, waitUntilServing, type BenchProcess } from './processes.js';
import { mintMembers, type SignedIn } from './seed.js';
import { REDIS_URL, type Stack } from './stack.js';
import { median, percentile, round, sleep } from './stats.js';

const SIZES = [1000, 3000];
const ROUNDS = Math.max(3, Number(process.env.BENCH_BROADCAST_ROUNDS ?? 5));
const ROUND_TIMEOUT_MS = 15_000;
const BARE_ROOM = 'thread:bench';
const MB = 1024 * 1024;

interface RoundStats {
  p99: number;
  p50: number;
  fanOutP99: number;
  firstDelivery: number;
  response: number;
}

type Command = ClientCommand extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;

/** Sends a command to the client process and resolves with its reply. */
function controller(clients: BenchProcess) {
  let nextId = 1;
  const waiting = new Map<number, (reply: ClientReply) => void>();
  clients.child.on('message', (reply: ClientReply) => waiting.get(reply.id)?.(reply));
  return <T extends ClientReply['type']>(command: Command) =>
    new Promise<Extract<ClientReply, { type: T }>>((resolve, reject) => {
      const id = nextId++;
      const onExit = () => reject(new Error(`the socket clients exited:\n${clients.tail()}`));
      clients.child.once('exit', onExit);
      waiting.set(id, (reply) => {
        waiting.delete(id);
        clients.child.off('exit', onExit);
        resolve(reply as Extract<ClientReply, { type: T }>);
      });
      clients.child.send({ ...command, id });
    });
}

/** The app's RSS and heap after its sockets settled and two full collections. */
async function serverMemory(stack: Stack) {
  await sleep(2000);
  const inspector = await openInspector(stack.inspectPort);
  try {
    await inspector.collectGarbage();
    await sleep(500);
    await inspector.collectGarbage();
    return { rss: await residentBytes(stack.app.child.pid!), heap: await inspector.heapUsedBytes() };
  } finally {
    inspector.close();
  }
}

export async function broadcastAndMemory(stack: Stack, poster: SignedIn, threadId: string): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const bareUrl = `http://127.0.0.1:${await freePort()}`;
  const bare = startTsProcess({ name: 'bare-sockets', script: 'bench/discussions/bareSockets.ts', logDir: stack.workDir, env: { PORT: new URL(bareUrl).port, REDIS_URL, REDIS_PREFIX: `${stack.redisPrefix}bare:` } });
  const clients = startTsProcess({ name: 'socket-clients', script: 'bench/discussions/socketClients.ts', logDir: stack.workDir, ipc: true, env: {} });
  const send = controller(clients);
  try {
    await waitUntilServing(bare, `${bareUrl}/healthz`);
    const mint = (count: number, label: string) =>
      mintMembers({ db: stack.db, redis: stack.redis, redisPrefix: stack.redisPrefix, secret: stack.sessionSecret, taskForceId: poster.taskForceId, count, label });
    const cookies = await mint(SIZES[SIZES.length - 1], 'room');
    const appJoin = { event: 'thread:join', payload: { threadId } };
    const connect = async (target: 'app' | 'bare', count: number, from: number) => {
      const reply = await send<'connected'>(
        target === 'app'
          ? { type: 'connect', target, url: stack.url, cookies: cookies.slice(from, from + count), join: appJoin, concurrency: 20 }
          : { type: 'connect', target, url: bareUrl, count, join: { event: 'join', payload: BARE_ROOM }, concurrency: 20 },
      );
      if (reply.failed) throw new Error(`${reply.failed} of ${count} ${target} sockets failed to connect or join: ${reply.firstError}`);
      console.log(`  ${count} ${target} sockets connected and joined in ${(reply.ms / 1000).toFixed(1)} s`);
    };

    // Warm the server's handshake and join paths, so the memory measured is the sockets' and not the code's.
    await connect('app', 50, 0);
    await send({ type: 'disconnect', target: 'app' });
    const before = await serverMemory(stack);
    await connect('app', 1000, 0);
    const after = await serverMemory(stack);
    const rssGrowth = (after.rss - before.rss) / MB;
    const heapGrowth = (after.heap - before.heap) / MB;
    // RSS alone can hide growth: pages the heap committed for earlier garbage are reused without a new page.
    const growth = Math.max(rssGrowth, heapGrowth);
    results.push(
      { name: '1,000 signed-in, room-joined members: server memory growth (larger of RSS and heap used)', value: round(growth), unit: 'MB', target: '< 30', pass: growth < 30 },
      { name: '1,000 signed-in, room-joined members: server RSS growth', value: round(rssGrowth), unit: 'MB' },
      { name: '1,000 signed-in, room-joined members: server heap used growth', value: round(heapGrowth), unit: 'MB' },
      { name: 'server RSS before / after 1,000 members', value: round(before.rss / MB), unit: `MB → ${round(after.rss / MB)} MB` },
    );

    let payload: unknown;
    const connected = { app: 1000, bare: 0 };
    for (const size of SIZES) {
      for (const target of ['app', 'bare'] as const) {
        if (connected[target] < size) await connect(target, size - connected[target], connected[target]);
        connected[target] = size;
      }
      const appRound = async () => {
        const reply = await send<'round'>({
          type: 'round',
          target: 'app',
          trigger: { url: `${stack.url}/api/threads/${threadId}/posts`, headers: { 'content-type': 'application/json', cookie: poster.cookie, 'x-csrf-token': poster.csrf }, body: JSON.stringify({ body: `A live reply for ${size} sockets, posted at ${new Date().toISOString()}.` }) },
          timeoutMs: ROUND_TIMEOUT_MS,
        });
        if (reply.status !== 201) throw new Error(`the app's POST answered ${reply.status}`);
        payload ??= reply.payload;
        return reply;
      };
      const bareRound = () =>
        send<'round'>({ type: 'round', target: 'bare', trigger: { url: `${bareUrl}/broadcast`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ room: BARE_ROOM, payload }) }, timeoutMs: ROUND_TIMEOUT_MS });
      await appRound();
      await bareRound();
      const app: RoundStats[] = [];
      const base: RoundStats[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        for (const [target, list] of [['app', app], ['bare', base]] as const) {
          await sleep(300);
          const reply = target === 'app' ? await appRound() : await bareRound();
          // A socket that never got the event counts as the round's timeout, so losses cannot flatter the p99.
          const latencies = [...reply.latencies, ...Array<number>(Math.max(0, reply.expected - reply.latencies.length)).fill(ROUND_TIMEOUT_MS)];
          // The same deliveries timed from the first one: the fan-out alone, without the request's own work.
          const first = Math.min(...reply.latencies);
          list.push({ p99: percentile(latencies, 99), p50: percentile(latencies, 50), fanOutP99: percentile(latencies, 99) - first, firstDelivery: first, response: reply.responseMs });
          if (reply.latencies.length < reply.expected) console.log(`  ${target} round ${r + 1}: ${reply.expected - reply.latencies.length} of ${reply.expected} sockets missed the event`);
        }
      }
      console.log(`  ${size} sockets, p99 per round (ms): app ${app.map((x) => round(x.p99)).join(', ')}; bare ${base.map((x) => round(x.p99)).join(', ')}`);
      const appP99 = median(app.map((x) => x.p99));
      const bareP99 = median(base.map((x) => x.p99));
      const ratio = appP99 / bareP99;
      const label = `post:created to ${size.toLocaleString('en-US')} sockets in one room, from request sent`;
      results.push(
        { name: `${label}: app p99`, value: round(appP99), unit: 'ms' },
        { name: `${label}: bare Socket.IO p99`, value: round(bareP99), unit: 'ms' },
        { name: `${label}: app / bare p99`, value: round(ratio, 2), unit: 'x', target: '<= 1.3', pass: ratio <= 1.3 },
        { name: `${label}: app p50 / bare p50`, value: round(median(app.map((x) => x.p50))), unit: `ms / ${round(median(base.map((x) => x.p50)))} ms` },
        { name: `${label}: first delivery, app / bare`, value: round(median(app.map((x) => x.firstDelivery))), unit: `ms / ${round(median(base.map((x) => x.firstDelivery)))} ms` },
        { name: `${label}: trigger request's response, app POST / bare`, value: round(median(app.map((x) => x.response))), unit: `ms / ${round(median(base.map((x) => x.response)))} ms` },
        { name: `${label}: fan-out p99 from first delivery, app / bare`, value: round(median(app.map((x) => x.fanOutP99))), unit: `ms / ${round(median(base.map((x) => x.fanOutP99)))} ms` },
      );
    }
    const loaded = await serverMemory(stack);
    results.push({ name: `server RSS with ${SIZES[SIZES.length - 1].toLocaleString('en-US')} members' sockets`, value: round(loaded.rss / MB), unit: 'MB' });
    await send({ type: 'disconnect', target: 'app' });
    await send({ type: 'disconnect', target: 'bare' });
    return results;
  } finally {
    await clients.stop();
    await bare.stop();
  }
}
