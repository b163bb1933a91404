import './memoryProfile.js';
import { parseArgs } from 'node:util';
import { logger } from '../../logger.js';
import { startEmbeddedMongo } from './index.js';

/** `npm run db:embedded -- --port P --dbpath DIR`: the store alone, in the foreground, on 127.0.0.1. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '27017' }, dbpath: { type: 'string' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a TCP port, got ${values.port}`);
  const store = await startEmbeddedMongo({ port, dbPath: values.dbpath, logger });
  logger.info({ uri: store.uri, dbPath: values.dbpath ?? '(in memory)' }, `embedded mongo ready at ${store.uri}`);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'embedded mongo: shutting down');
    store.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'embedded mongo: shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`embedded mongo failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
