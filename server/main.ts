import { ConfigError, loadConfig, type Config } from './config/env.js';
import { logger, describeError } from './logger.js';
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
  logger.fatal({ err: describeError(reason) }, 'unhandled rejection');
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
        logger.error({ err: describeError(err) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (err) {
  logger.fatal({ err: describeError(err) }, 'could not start');
  process.exit(1);
}
