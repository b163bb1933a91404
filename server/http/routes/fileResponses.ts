import { pipeline } from 'node:stream/promises';
import { create as contentDisposition } from 'content-disposition';
import type { Request, Response } from 'express';
import rangeParser from 'range-parser';
import type { Readable } from 'node:stream';
import { AppError, notFound } from '../../errors.js';
import { describeError, logger } from '../../logger.js';
import type { ByteRange, FileStorage } from '../../storage/FileStorage.js';

export interface StoredFile {
  storageKey: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** A Range that does not start at byte 0 continues a download (a resume), so it is not counted again. */
export const continuesDownload = (req: Request): boolean => {
  const header = req.headers.range;
  return typeof header === 'string' && !/^bytes=0-/.test(header.trim());
};

/** One satisfiable range, the whole file (no, several or unparsable ranges: RFC 9110 lets us ignore them), or 416. */
function rangeOf(req: Request, size: number): ByteRange | null {
  const header = req.headers.range;
  if (typeof header !== 'string') return null;
  const ranges = rangeParser(size, header, { combine: true });
  if (ranges === -1) {
    throw new AppError('range_not_satisfiable', 'That range is beyond the end of the file.', [], { 'Content-Range': `bytes */${size}` });
  }
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return null;
  return { start: ranges[0].start, end: ranges[0].end };
}

/**
 * The stored bytes, once the store has shown it can read them: a missing object is a clean 404 before any
 * download header is set, not a 500 whose error body would be saved as the file.
 */
async function openedStream(storage: FileStorage, key: string, range: ByteRange | null): Promise<Readable> {
  const stream = storage.read(key, range ?? undefined);
  try {
    await new Promise<void>((resolve, reject) => {
      stream.once('readable', resolve);
      stream.once('error', reject);
    });
  } catch (error) {
    stream.destroy();
    logger.error({ err: describeError(error), key }, 'stored file could not be read');
    throw notFound('That file is no longer available.');
  }
  return stream;
}

/**
 * Streams a stored file with the headers that make it inert in a browser: the verified type, `nosniff`, a sandbox
 * CSP, never cached, and `attachment` (only verified, re-encoded images may be shown `inline`).
 */
export async function sendStoredFile(req: Request, res: Response, storage: FileStorage, file: StoredFile, disposition: 'attachment' | 'inline'): Promise<void> {
  const range = rangeOf(req, file.size);
  const stream = req.method === 'HEAD' ? null : await openedStream(storage, file.storageKey, range);
  res.set({
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(file.fileName, { type: disposition }),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Cache-Control': 'private, no-store',
    'Accept-Ranges': 'bytes',
  });
  if (range) {
    res.status(206).set({ 'Content-Range': `bytes ${range.start}-${range.end}/${file.size}`, 'Content-Length': String(range.end - range.start + 1) });
  } else {
    res.set('Content-Length', String(file.size));
  }
  if (!stream) {
    res.end();
    return;
  }
  try {
    await pipeline(stream, res);
  } catch (error) {
    // Headers are gone once bytes flow: all that is left is to cut the connection so the client sees it failed.
    if (!res.headersSent) throw error;
    res.destroy();
  }
}
