import type { ErrorBody, ErrorCode, ErrorDetail } from '../../../shared/errors.js';

/** An API answer outside 2xx, carrying the contract's error code so callers branch on codes, not on text. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly details: ErrorDetail[];
  /** Seconds to wait before trying again, from a 429's Retry-After header. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: ErrorCode | 'network', message: string, details: ErrorDetail[] = [], retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

let csrfToken: string | undefined;
const sessionLostListeners = new Set<() => void>();

/**
 * Calls `listener` whenever the server answers 401: the session ended (idle timeout, signed out elsewhere,
 * suspended). Returns the unsubscribe function.
 */
export function onSessionLost(listener: () => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

/** Tells the session listeners the server ended the session by another channel (the socket's `session:ended`). */
export function reportSessionLost(): void {
  sessionLostListeners.forEach((listener) => listener());
}

/** Keeps the session's CSRF token (from GET /api/me) for every state-changing request. */
export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The session's CSRF token, for the one request that cannot use requestJson: the XHR upload that reports progress. */
export function currentCsrfToken(): string | undefined {
  return csrfToken;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** Retry-After as seconds; the HTTP-date form is converted, anything unreadable is ignored. */
function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isErrorBody(body)) {
    return new ApiError(response.status, body.error.code, body.error.message, body.error.details ?? [], retryAfterOf(response));
  }
  // A proxy or crash page rather than our error shape: keep the status, use a generic code.
  const code: ErrorCode = response.status >= 500 ? 'unavailable' : 'internal';
  return new ApiError(response.status, code, `The server answered ${response.status}.`);
}

/**
 * Sends a request to the app's own origin and returns the parsed JSON (undefined for 204).
 * Cookies go along (same origin only) and non-GET requests carry the CSRF token header.
 */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.');
  }

  if (response.status === 401) sessionLostListeners.forEach((listener) => listener());
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
