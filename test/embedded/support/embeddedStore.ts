import { MongoClient, type Collection, type Db, type Document } from 'mongodb';
import { pino } from 'pino';
import { startEmbeddedMongo, type EmbeddedMongo, type EmbeddedMongoOptions } from '../../../server/db/embedded/index.js';

export interface StoreUnderTest {
  store: EmbeddedMongo;
  client: MongoClient;
  db: Db;
}

/** Starts a private in-memory (or dbPath) store and a driver client on it for the calling `describe`. */
export function useEmbeddedStore(dbName: string, options: EmbeddedMongoOptions = {}): StoreUnderTest {
  const ctx = {} as StoreUnderTest;
  before(async () => {
    ctx.store = await startEmbeddedMongo({ logger: pino({ level: 'silent' }), ...options });
    ctx.client = await MongoClient.connect(ctx.store.uri, { serverSelectionTimeoutMS: 2000 });
    ctx.db = ctx.client.db(dbName);
  });
  after(async () => {
    await ctx.client?.close();
    await ctx.store?.stop();
  });
  return ctx;
}

/** Test documents with `_id`s of any type, unlike the driver's ObjectId default. */
export interface LooseDoc extends Document {
  _id?: string | number | boolean | object | null;
}

export const looseCollection = (db: Db, name: string): Collection<LooseDoc> => db.collection<LooseDoc>(name);
