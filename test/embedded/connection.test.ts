import assert from 'node:assert/strict';
import { pino } from 'pino';
import { connectDatabase, DatabaseConfigError } from '../../server/db/connection.js';

describe('database connection: choosing the database', () => {
  it('refuses to start, naming MONGODB_URI, when production has no MONGODB_URI', async () => {
    await assert.rejects(connectDatabase({ dataDir: 'unused', isProduction: true, logger: pino({ level: 'silent' }) }), (error: Error) => {
      assert.ok(error instanceof DatabaseConfigError);
      assert.match(error.message, /MONGODB_URI/);
      return true;
    });
  });
});
