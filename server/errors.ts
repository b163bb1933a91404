import { errorStatus, type ErrorCode, type ErrorDetail } from '../shared/errors.js';

/** An error that is safe to show: its code, message and details reach the client as they are. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }
}

export const validationFailed = (details: ErrorDetail[], message = 'The request is not valid.') =>
  new AppError('validation_failed', message, details);
export const unauthenticated = (message = 'Sign in to continue.') => new AppError('unauthenticated', message);
export const forbidden = (message = 'You are not allowed to do that.') => new AppError('forbidden', message);
export const csrfFailed = (message = 'The request is missing a valid CSRF token.') => new AppError('csrf', message);
export const notFound = (message = 'Not found.') => new AppError('not_found', message);
export const conflict = (message = 'That conflicts with the current state.') => new AppError('conflict', message);
export const payloadTooLarge = (message = 'The request is too large.') => new AppError('payload_too_large', message);
export const unsupportedMediaType = (message = 'That type of content is not accepted.') =>
  new AppError('unsupported_media_type', message);
export const malwareDetected = (message = 'The malware scanner flagged this file, so it was not stored.') =>
  new AppError('malware_detected', message);
export const rateLimited = (retryAfterSeconds: number, message = 'Too many requests; try again shortly.') =>
  new AppError('rate_limited', message, [], { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
export const unavailable = (message = 'The service is temporarily unavailable.') => new AppError('unavailable', message);

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;
