import assert from 'node:assert/strict';
import express from 'express';
import supertest from 'supertest';
import { errorHandler } from '../../server/http/middleware/errors.js';
import { createLogger } from '../../server/logger.js';
import { rateLimited } from '../../server/errors.js';

/** An app whose one route throws the given error, behind the real error handler. */
function throwing(error: unknown) {
  const app = express();
  app.use(express.json());
  app.post('/boom', () => {
    throw error;
  });
  app.use(errorHandler(createLogger('silent')));
  return app;
}

const secretError = () => {
  const err = new Error('connection string mongodb://admin:hunter2@db.internal failed');
  err.stack = `Error: hunter2\n    at /srv/app/server/secret.ts:1:1`;
  return err;
};

describe('the error handler', () => {
  it('answers an unknown error 500 internal with no message, stack or driver text', async () => {
    const res = await supertest(throwing(secretError())).post('/boom').expect(500);
    assert.equal(res.body.error.code, 'internal');
    assert.deepEqual(res.body.error.details, []);
    assert.doesNotMatch(JSON.stringify(res.body), /hunter2|secret\.ts|mongodb:\/\//);
  });

  it('answers 503 unavailable when the database cannot be reached', async () => {
    const err = Object.assign(new Error('Server selection timed out after 30000 ms'), { name: 'MongooseServerSelectionError' });
    const res = await supertest(throwing(err)).post('/boom').expect(503);
    assert.equal(res.body.error.code, 'unavailable');
    assert.doesNotMatch(res.text, /30000/);
  });

  it('answers 400 validation_failed for a malformed JSON body', async () => {
    const res = await supertest(throwing(new Error('unreached'))).post('/boom').set('Content-Type', 'application/json').send('{"a":').expect(400);
    assert.equal(res.body.error.code, 'validation_failed');
  });

  it('answers 413 for a JSON body over the limit', async () => {
    const res = await supertest(throwing(new Error('unreached'))).post('/boom').set('Content-Type', 'application/json').send(JSON.stringify({ a: 'x'.repeat(200_000) })).expect(413);
    assert.equal(res.body.error.code, 'payload_too_large');
  });

  it('passes an AppError through with its headers', async () => {
    const res = await supertest(throwing(rateLimited(7))).post('/boom').expect(429);
    assert.equal(res.body.error.code, 'rate_limited');
    assert.equal(res.headers['retry-after'], '7');
  });

  it('maps a mongoose CastError to 400', async () => {
    const err = Object.assign(new Error('Cast to ObjectId failed for value "x"'), { name: 'CastError' });
    const res = await supertest(throwing(err)).post('/boom').expect(400);
    assert.equal(res.body.error.code, 'validation_failed');
  });
});
