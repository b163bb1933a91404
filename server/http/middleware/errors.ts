import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError, isAppError, notFound, payloadTooLarge, unavailable, unsupportedMediaType, validationFailed } from '../../errors.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { describeError } from '../../logger.js';

const UNAVAILABLE_ERRORS = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'ClientClosedError',
  'ClientOfflineError',
  'ConnectionTimeoutError',
  'SocketClosedUnexpectedlyError',
]);

/** Maps errors thrown by libraries to the contract's codes; anything unrecognised is a 500 with no detail. */
function toAppError(err: unknown): AppError | null {
  if (isAppError(err)) return err;
  const e = err as { type?: string; status?: number; name?: string; code?: string; message?: string };
  // body-parser and raw-body
  if (e.type === 'entity.parse.failed') return validationFailed([{ message: 'The request body is not valid JSON.' }]);
  if (e.type === 'entity.too.large') return payloadTooLarge();
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return unsupportedMediaType();
  if (e.type === 'parameters.too.many') return validationFailed([{ message: 'Too many parameters.' }]);
  // mongoose: a malformed id or value that slipped past the schemas is still the client's fault
  if (e.name === 'CastError' || e.name === 'ValidationError' || e.name === 'StrictModeError') return validationFailed([{ message: 'A value in the request is not valid.' }]);
  // The database or Redis is unreachable: a temporary condition the client can retry, not a bug.
  if (e.name && UNAVAILABLE_ERRORS.has(e.name)) return unavailable();
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return new AppError('validation_failed', 'The request is not valid.');
  return null;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const known = toAppError(err);
    const error = known ?? new AppError('internal', 'Something went wrong on our side. It has been logged.');
    if (!known) {
      // Log the class and message only: stack traces and driver text may carry data.
      ((req as { log?: Logger }).log ?? logger).error({ err: describeError(err) }, 'unhandled error');
    }
    const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
    res.status(error.status).set(error.headers).set('Cache-Control', 'no-store').json(body);
  };
}

export const apiNotFound: RequestHandler = (_req, _res, next) => next(notFound('No such API route.'));
