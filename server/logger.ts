import { pino, type Logger } from 'pino';

/** Field paths that may carry secrets or user-written text; pino replaces them before writing. */
const redact = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.SAMLResponse',
  '*.password',
  '*.secret',
  '*.token',
];

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, redact: { paths: redact, censor: '[redacted]' }, base: { service: 'task-force-connect' } });
}

/** The process-wide logger; tests set LOG_LEVEL=silent. */
export const logger = createLogger();

/**
 * What a log line may say about an error: its class and message. Stacks and driver objects stay out of
 * the logs, since they can carry request data.
 */
export function describeError(err: unknown): { name: string; message: string } {
  const e = err as { name?: unknown; message?: unknown } | null;
  return { name: typeof e?.name === 'string' ? e.name : 'Error', message: typeof e?.message === 'string' ? e.message.slice(0, 500) : String(err).slice(0, 500) };
}
