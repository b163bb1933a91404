// Discussion benchmarks (issue 4, "Benchmarks"): reading a thread of 50 replies against a bare Express route,
// `post:created` fan-out to 1,000 and 3,000 sockets against a bare Socket.IO server, and server memory per
// 1,000 connected members. Every server and client runs in its own process; load goes only to 127.0.0.1.
// Knobs (environment): BENCH_READ_RUNS (2), BENCH_READ_SECONDS (10), BENCH_BROADCAST_ROUNDS (5),
// BENCH_LOG_LEVEL (the app's LOG_LEVEL, info), BENCH_CPU_PROF=<dir> (profile the app and the store with
// --cpu-prof), BENCH_ONLY=read|sockets (one half only).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { BenchResult } from './run.js';
import { broadcastAndMemory } from './discussions/broadcast.js';
import { openCategoryId, signIn, threadWithReplies } from './discussions/seed.js';
import { startStack } from './discussions/stack.js';
import { threadRead } from './discussions/threadRead.js';

const REPLIES = 50;
// The client process holds 3,000 app and 3,000 bare sockets at once, one descriptor each, plus its own.
const DESCRIPTORS_NEEDED = 6_500;

/** The soft `ulimit -n` this process (and so its children) runs with. */
function openFileLimit(): number {
  const line = /^Max open files\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  return line?.[1] === 'unlimited' ? Infinity : Number(line?.[1] ?? NaN);
}

export async function run(): Promise<BenchResult[]> {
  const started = Date.now();
  const limit = openFileLimit();
  console.log(`  ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, ulimit -n ${limit}`);
  if (process.env.BENCH_ONLY !== 'read' && limit < DESCRIPTORS_NEEDED) throw new Error(`ulimit -n is ${limit}; the socket benchmark needs at least ${DESCRIPTORS_NEEDED} (run \`ulimit -n 20000\` first)`);
  const stack = await startStack();
  try {
    const memberA = await signIn(stack.url, 'member-a');
    const memberB = await signIn(stack.url, 'member-b');
    const categoryId = await openCategoryId(memberA);
    const readThread = await threadWithReplies([memberA, memberB], categoryId, 'Benchmark: a thread of fifty replies', REPLIES);
    const liveThread = await threadWithReplies([memberA], categoryId, 'Benchmark: a live thread', 1);
    console.log(`  app up with a thread of ${REPLIES} replies after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Memory first, on a server that has not yet served the read load, so freed heap cannot hide the growth.
    const only = process.env.BENCH_ONLY;
    const results = only === 'read' ? [] : await broadcastAndMemory(stack, memberA, liveThread);
    if (only !== 'sockets') results.push(...(await threadRead(stack, memberA, readThread)));
    console.log(`  discussions benchmark took ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return results;
  } catch (err) {
    console.error(`app log (end):\n${stack.app.tail()}`);
    throw err;
  } finally {
    await stack.stop();
  }
}
