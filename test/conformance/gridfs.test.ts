import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GridFSBucket } from 'mongodb';
import type { GridFSBucketReadStream, ObjectId } from 'mongodb';
import { useConformanceDb } from './support/conformanceDb.js';

const CHUNK = 255 * 1024;

async function collect(stream: GridFSBucketReadStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe('conformance: GridFS through GridFSBucket', () => {
  const ctx = useConformanceDb('conf_gridfs');
  let bucket: GridFSBucket;
  const content = randomBytes(CHUNK * 2 + 1234);

  before(() => {
    bucket = new GridFSBucket(ctx.db, { bucketName: 'files' });
  });

  async function upload(filename: string, data: Buffer, metadata?: Record<string, unknown>): Promise<ObjectId> {
    const stream = bucket.openUploadStream(filename, { metadata });
    await pipeline(Readable.from([data.subarray(0, 1000), data.subarray(1000)]), stream);
    return stream.id;
  }

  it('stores a files document and one chunk per chunkSize when a multi-chunk file is uploaded', async () => {
    const id = await upload('report.bin', content, { owner: 'ada' });
    const files = await ctx.db.collection('files.files').find({ _id: id }).toArray();
    assert.equal(files.length, 1);
    assert.equal(files[0]?.length, content.length);
    assert.equal(files[0]?.chunkSize, CHUNK);
    assert.equal(files[0]?.filename, 'report.bin');
    assert.deepEqual(files[0]?.metadata, { owner: 'ada' });
    assert.ok(files[0]?.uploadDate instanceof Date);
    const chunks = await ctx.db.collection('files.chunks').find({ files_id: id }).sort({ n: 1 }).toArray();
    assert.deepEqual(chunks.map((chunk) => chunk.n), [0, 1, 2]);
    assert.equal(chunks[2]?.data.length(), 1234);
  });

  it('returns the exact bytes when the file is downloaded by id', async () => {
    const id = await upload('roundtrip.bin', content);
    const downloaded = await collect(bucket.openDownloadStream(id));
    assert.ok(downloaded.equals(content));
  });

  it('returns the newest revision by default and older ones by number when downloading by name', async () => {
    await upload('notes.txt', Buffer.from('first version'));
    await upload('notes.txt', Buffer.from('second version'));
    assert.equal((await collect(bucket.openDownloadStreamByName('notes.txt'))).toString(), 'second version');
    assert.equal((await collect(bucket.openDownloadStreamByName('notes.txt', { revision: 0 }))).toString(), 'first version');
  });

  it('returns only the requested bytes when start and end cross chunk boundaries', async () => {
    const id = await upload('range.bin', content);
    const start = CHUNK - 10;
    const end = CHUNK * 2 + 5;
    const part = await collect(bucket.openDownloadStream(id, { start, end }));
    assert.ok(part.equals(content.subarray(start, end)));
  });

  it('removes the files document and every chunk when the file is deleted', async () => {
    const id = await upload('gone.bin', content);
    await bucket.delete(id);
    assert.equal(await ctx.db.collection('files.files').countDocuments({ _id: id }), 0);
    assert.equal(await ctx.db.collection('files.chunks').countDocuments({ files_id: id }), 0);
    await assert.rejects(collect(bucket.openDownloadStream(id)), /FileNotFound|not found/i);
  });

  it('finds files by metadata when bucket.find has a filter', async () => {
    await upload('tagged.bin', Buffer.from('x'), { owner: 'bo', kind: 'tagged' });
    const found = await bucket.find({ 'metadata.kind': 'tagged' }).toArray();
    assert.deepEqual(found.map((file) => file.filename), ['tagged.bin']);
  });

  it('changes the stored filename when the file is renamed', async () => {
    const id = await upload('old-name.bin', Buffer.from('y'));
    await bucket.rename(id, 'new-name.bin');
    assert.equal((await collect(bucket.openDownloadStreamByName('new-name.bin'))).toString(), 'y');
  });

  it('stores a files document with length 0 and no chunks when an empty file is uploaded', async () => {
    const id = await upload('empty.bin', Buffer.alloc(0));
    assert.equal((await ctx.db.collection('files.files').findOne({ _id: id }))?.length, 0);
    assert.equal(await ctx.db.collection('files.chunks').countDocuments({ files_id: id }), 0);
    assert.equal((await collect(bucket.openDownloadStream(id))).length, 0);
  });
});
