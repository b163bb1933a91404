import { logger } from '../../server/logger.js';

export type TestDatabaseKind = 'external' | 'memory-server' | 'embedded';

export interface TestDatabase {
  uri: string;
  kind: TestDatabaseKind;
  stop(): Promise<void>;
}

/**
 * Picks the database for a test run, once: MONGODB_URI if set; mongodb-memory-server only when
 * TEST_MONGO=memory-server (it downloads MongoDB, so offline runs never try it); else the embedded store in memory.
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  let database: TestDatabase;
  if (process.env.MONGODB_URI) {
    database = { uri: process.env.MONGODB_URI, kind: 'external', stop: async () => {} };
  } else if (process.env.TEST_MONGO === 'memory-server') {
    const { MongoMemoryReplSet } = await import('mongodb-memory-server-core');
    const replSet = await MongoMemoryReplSet.create({ replSet: { count: 1 } });
    database = { uri: replSet.getUri(), kind: 'memory-server', stop: async () => void (await replSet.stop()) };
  } else {
    const { startEmbeddedMongo } = await import('../../server/db/embedded/index.js');
    const embedded = await startEmbeddedMongo({ logger });
    database = { uri: embedded.uri, kind: 'embedded', stop: embedded.stop };
  }
  console.log(`test database: ${database.kind}`);
  return database;
}
