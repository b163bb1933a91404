/** Multipart uploads with progress, shared by the resource library and post attachments. */
import { ApiError, currentCsrfToken, isErrorBody, reportSessionLost } from './http.js';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** An upload under way: its answer, and a way to stop it (the promise then rejects with an AbortError). */
export interface UploadHandle<T> {
  done: Promise<T>;
  cancel(): void;
}

export interface UploadCallbacks {
  onProgress(progress: UploadProgress): void;
  /** Every byte has left the browser: the server is now checking the file. */
  onSent(): void;
}

function errorFromXhr(xhr: XMLHttpRequest): ApiError {
  let body: unknown;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    body = undefined;
  }
  if (xhr.status === 401) reportSessionLost();
  if (isErrorBody(body)) return new ApiError(xhr.status, body.error.code, body.error.message, body.error.details ?? []);
  if (xhr.status === 413) return new ApiError(413, 'payload_too_large', 'The file is too large.');
  return new ApiError(xhr.status, xhr.status >= 500 ? 'unavailable' : 'internal', `The server answered ${xhr.status}.`);
}

/**
 * Posts multipart form data with XMLHttpRequest, since fetch cannot report upload progress. Same origin, session
 * cookie and CSRF header as requestJson; errors arrive as ApiError, a cancel as a DOMException named AbortError.
 */
export function sendMultipart<T>(path: string, form: FormData, callbacks: UploadCallbacks): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open('POST', path);
    xhr.responseType = 'text';
    xhr.setRequestHeader('Accept', 'application/json');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) callbacks.onProgress({ loaded: event.loaded, total: event.total });
    });
    xhr.upload.addEventListener('load', () => callbacks.onSent());
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, 'internal', 'The server sent an answer the app could not read.'));
        }
      } else reject(errorFromXhr(xhr));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', 'The upload stopped: the server could not be reached.')));
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was cancelled.', 'AbortError')));
    xhr.send(form);
  });
  return { done, cancel: () => xhr.abort() };
}

export const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';
