import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { payloadTooLarge, unsupportedMediaType, validationFailed } from '../../errors.js';
import { describeBytes } from '../../storage/byteSize.js';

export interface UploadLimits {
  tempDir: string;
  maxUploadBytes: number;
}

/** What went wrong in a multipart body, in the contract's codes: size is 413, every other shape problem 400. */
function refusalOf(error: unknown, maxUploadBytes: number) {
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') return payloadTooLarge(`Files can be at most ${describeBytes(maxUploadBytes)}.`);
    return validationFailed([{ path: error.field ? `body.${error.field}` : 'body', message: error.message.toLowerCase() }], 'The upload form is not valid.');
  }
  // busboy: a truncated or malformed body (the client gave up mid-upload, or sent garbage).
  return validationFailed([{ path: 'body', message: 'the multipart body is incomplete or malformed' }], 'The upload did not arrive complete.');
}

/**
 * Parses one `multipart/form-data` upload into a temp file, on the routes that take files only (never app-wide).
 * Limits: one file of at most MAX_UPLOAD_MB under the field `file`, a few short flat text fields. On any refusal
 * multer removes what it wrote; otherwise the temp file is removed once the response is over.
 */
export function singleFileUpload({ tempDir, maxUploadBytes }: UploadLimits): RequestHandler {
  mkdirSync(tempDir, { recursive: true });
  const parse = multer({
    storage: multer.diskStorage({ destination: tempDir, filename: (_req, _file, done) => done(null, `${Date.now()}-${randomBytes(12).toString('hex')}`) }),
    limits: { fileSize: maxUploadBytes, files: 1, fields: 12, parts: 13, fieldSize: 8 * 1024, fieldNameSize: 40, headerPairs: 40, fieldNestingDepth: 0 },
  }).single('file');

  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.is('multipart/form-data')) return next(unsupportedMediaType('Send this form as multipart/form-data.'));
    parse(req, res, (error?: unknown) => {
      if (error) return next(refusalOf(error, maxUploadBytes));
      // The temp file goes when the response is over, whatever happened in between (stored copies live in
      // FileStorage); the stray sweep catches what a crash leaves.
      const temp = req.file?.path;
      if (temp) res.once('close', () => void rm(temp, { force: true }));
      next();
    });
  };
}
