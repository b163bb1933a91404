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
