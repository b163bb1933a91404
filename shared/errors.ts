/** Stable error codes of the public contract (../shared/API.md) and the status each carries. */
export const errorStatus = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** A Range header beyond the end of the file. */
  range_not_satisfiable: 416,
  pii_warning: 422,
  /** The malware scanner recognised the uploaded file; nothing was stored. */
  malware_detected: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorDetail {
  path?: string;
  message: string;
  [key: string]: unknown;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: ErrorDetail[] };
}
