import assert from 'node:assert/strict';
import net from 'node:net';
import { BSON } from 'bson';
import { looseCollection, useEmbeddedStore } from './support/embeddedStore.js';

const OP_MSG = 2013;
const OP_QUERY = 2004;

function opMsg(command: object, requestId = 1): Buffer {
  const body = Buffer.from(BSON.serialize(command));
  const head = Buffer.alloc(21);
  head.writeInt32LE(21 + body.length, 0);
  head.writeInt32LE(requestId, 4);
  head.writeInt32LE(OP_MSG, 12);
  return Buffer.concat([head, body]);
}

function opQuery(collection: string, query: object): Buffer {
  const name = Buffer.from(`${collection}\0`);
  const body = Buffer.from(BSON.serialize(query));
  const head = Buffer.alloc(20);
  const skipAndReturn = Buffer.alloc(8);
  skipAndReturn.writeInt32LE(-1, 4);
  const length = head.length + name.length + skipAndReturn.length + body.length;
  head.writeInt32LE(length, 0);
  head.writeInt32LE(7, 4);
  head.writeInt32LE(OP_QUERY, 12);
  return Buffer.concat([head, name, skipAndReturn, body]);
}

/** Sends raw bytes and resolves with the reply frame, or null when the server closes the socket. */
function exchange(port: number, bytes: Buffer): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let received = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 4 && received.length >= received.readInt32LE(0)) {
        socket.destroy();
        resolve(received);
      }
    });
    socket.on('close', () => resolve(received.length ? received : null));
    socket.on('error', reject);
  });
}

const replyBody = (frame: Buffer, offset: number) => BSON.deserialize(frame.subarray(offset));

describe('embedded store: wire protocol', () => {
  const ctx = useEmbeddedStore('embedded_wire');

  it('answers a legacy OP_QUERY isMaster with an OP_REPLY when a driver handshakes', async () => {
    const frame = await exchange(ctx.store.port, opQuery('admin.$cmd', { isMaster: 1 }));
    assert.ok(frame);
    assert.equal(frame.readInt32LE(12), 1, 'OP_REPLY');
    assert.equal(frame.readInt32LE(8), 7, 'responseTo echoes the request id');
    const reply = replyBody(frame, 36);
    assert.equal(reply.ok, 1);
    assert.equal(reply.maxWireVersion, 21);
    assert.equal(reply.topologyVersion, undefined);
  });

  it('answers CommandNotFound naming the command when the command is unknown', async () => {
    const frame = await exchange(ctx.store.port, opMsg({ frobnicate: 1, $db: 'admin' }));
    const reply = replyBody(frame!, 21);
    assert.deepEqual({ ok: reply.ok, code: reply.code, codeName: reply.codeName, errmsg: reply.errmsg }, { ok: 0, code: 59, codeName: 'CommandNotFound', errmsg: "no such command: 'frobnicate'" });
  });

  it('closes only that connection when a frame declares an impossible length', async () => {
    const bad = Buffer.alloc(16);
    bad.writeInt32LE(0x7fffffff, 0);
    assert.equal(await exchange(ctx.store.port, bad), null);
    assert.deepEqual(await ctx.db.command({ ping: 1 }), { ok: 1 });
  });

  it('closes the connection when the body is not valid BSON', async () => {
    const frame = opMsg({ ping: 1, $db: 'admin' });
    frame.writeInt32LE(9999, 21);
    assert.equal(await exchange(ctx.store.port, frame), null);
    assert.deepEqual(await ctx.db.command({ ping: 1 }), { ok: 1 });
  });

  it('closes the connection when the opcode is unsupported', async () => {
    const frame = opMsg({ ping: 1, $db: 'admin' });
    frame.writeInt32LE(2010, 12);
    assert.equal(await exchange(ctx.store.port, frame), null);
  });

  it('reads kind-1 document sequences when the driver batches an insertMany', async () => {
    const docs = Array.from({ length: 1500 }, (_, i) => ({ _id: i, payload: 'x'.repeat(100) }));
    const result = await looseCollection(ctx.db, 'sequences').insertMany(docs);
    assert.equal(result.insertedCount, 1500);
    assert.equal(await ctx.db.collection('sequences').countDocuments(), 1500);
  });

  it('names the stage when a pipeline uses one the store does not know', async () => {
    await assert.rejects(ctx.db.collection('sequences').aggregate([{ $frobnicate: {} }]).toArray(), (error: Error & { code?: number }) => {
      assert.match(error.message, /\$frobnicate/);
      return error.code === 40324;
    });
  });

  it('names $where as unsupported rather than matching wrongly when a filter uses it', async () => {
    await assert.rejects(ctx.db.collection('sequences').findOne({ $where: 'this._id > 1' }), /\$where/);
  });
});
