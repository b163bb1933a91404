import { ConfigError, loadConfig, type Config } from './config/env.js';
import { logger } from './logger.js';
import { startServer } from './start.js';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

process.on('unhandledRejection', (reason) => {
  logger.fatal({ err: { message: (reason as Error)?.message } }, 'unhandled rejection');
  process.exit(1);
});

try {
  const running = await startServer({ config, logger, host: process.env.HOST ?? '0.0.0.0' });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    running.close().then(
      () => process.exit(0),
      (err: Error) => {
        logger.error({ err: { message: err.message } }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (err) {
  logger.fatal({ err: { message: (err as Error).message } }, 'could not start');
  process.exit(1);
}
