import { createClient } from 'redis';
import type { Logger } from 'pino';
import { describeError } from '../logger.js';

function createRedisClient(url: string) {
  return createClient({
    url,
    // Reconnect with backoff forever: while Redis is down, readiness reports it and the features
    // that need it fail closed, but the process stays up.
    socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 5000), connectTimeout: 5000 },
  });
}

export type RedisClient = ReturnType<typeof createRedisClient>;

export async function connectRedis(url: string, logger: Logger): Promise<RedisClient> {
  const client = createRedisClient(url);
  let lastError = '';
  client.on('error', (err: Error) => {
    // Log each distinct failure once rather than once per reconnect attempt.
    if (err.message !== lastError) logger.error({ err: describeError(err) }, 'redis error');
    lastError = err.message;
  });
  client.on('ready', () => {
    lastError = '';
    logger.info('redis ready');
  });
  await client.connect();
  return client;
}
