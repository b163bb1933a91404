import assert from 'node:assert/strict';
import { MongoClient } from 'mongodb';
import type { Collection, Db, Document, MongoClientOptions } from 'mongodb';

/** Test documents carry _ids of any type (numbers, strings, ObjectIds), unlike the driver's default schema. */
export interface LooseDoc extends Document {
  _id?: string | number | boolean | bigint | object | null;
}

export type LooseCollection = Collection<LooseDoc>;

/** What a conformance file works with; filled in by the `before` hook that `useConformanceDb` registers. */
export interface ConformanceDb {
  client: MongoClient;
  db: Db;
  /** A collection no other test in the file has used, so each test sees only its own documents. */
  fresh<T extends Document = LooseDoc>(prefix?: string): Collection<T>;
}

/** The harness's database URI; fails loudly when the mocha global setup did not start one. */
export function conformanceUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: the mocha global setup must start a database first');
  return uri;
}

/**
 * Registers hooks in the calling `describe`: connect before its tests, drop `dbName` and disconnect after them.
 * The database is also dropped first, so an interrupted earlier run cannot leak documents into this one.
 */
export function useConformanceDb(dbName: string, options: MongoClientOptions = {}): ConformanceDb {
  let counter = 0;
  const ctx = {
    fresh<T extends Document = LooseDoc>(prefix = 'c'): Collection<T> {
      counter += 1;
      return ctx.db.collection<T>(`${prefix}_${counter}`);
    },
  } as ConformanceDb;

  before(async () => {
    ctx.client = await MongoClient.connect(conformanceUri(), options);
    ctx.db = ctx.client.db(dbName);
    await ctx.db.dropDatabase();
  });

  after(async () => {
    if (!ctx.client) return;
    await ctx.db.dropDatabase();
    await ctx.client.close();
  });

  return ctx;
}

/** Awaits a promise expected to fail with a server error and returns that error for further checks. */
export async function rejectsWithCode(promise: Promise<unknown>, code: number): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    const failure = error as Record<string, unknown>;
    assert.equal(failure.code, code, `expected code ${code}, got ${String(failure.code)}: ${String(failure.message)}`);
    return failure;
  }
  assert.fail(`expected a server error with code ${code}, but the operation succeeded`);
}

/** Sorted `_id`s of the documents matching `filter`, the usual way these suites compare result sets. */
export async function idsMatching(collection: LooseCollection, filter: Document): Promise<unknown[]> {
  const docs = await collection.find(filter, { projection: { _id: 1 } }).sort({ _id: 1 }).toArray();
  return docs.map((doc) => doc._id);
}
