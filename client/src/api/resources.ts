import type { ResourceDetailDto, ResourcePage, ResourceSort, ResourceType, ResourceVisibility, StorageUsageDto } from '../../../shared/dto/resource.js';
import type { Discipline } from '../../../shared/dto/member.js';
import { ApiError, currentCsrfToken, isErrorBody, reportSessionLost, requestJson } from './http.js';

const enc = encodeURIComponent;

/** The library's filters as `GET /api/resources` takes them; empty ones are left out of the query. */
export interface ResourceQuery {
  q?: string;
  tag?: string;
  type?: ResourceType;
  taskForce?: string;
  discipline?: Discipline;
  sort?: ResourceSort;
}

function queryString(query: ResourceQuery, cursor: string | null): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function fetchResourcePage(query: ResourceQuery, cursor: string | null, signal?: AbortSignal): Promise<ResourcePage> {
  return requestJson<ResourcePage>(`/api/resources${queryString(query, cursor)}`, { signal });
}

export async function fetchResource(id: string, signal?: AbortSignal): Promise<ResourceDetailDto> {
  const { resource } = await requestJson<{ resource: ResourceDetailDto }>(`/api/resources/${enc(id)}`, { signal });
  return resource;
}

export function fetchStorageUsage(signal?: AbortSignal): Promise<StorageUsageDto> {
  return requestJson<StorageUsageDto>('/api/me/storage', { signal });
}

export async function deleteResource(id: string): Promise<void> {
  await requestJson<unknown>(`/api/resources/${enc(id)}`, { method: 'DELETE' });
}

/** A plain link: the session cookie authorizes the download, and the server answers with an attachment. */
export function downloadUrl(id: string, version?: number): string {
  return `/api/resources/${enc(id)}/download${version ? `?version=${version}` : ''}`;
}

export function previewUrl(id: string): string {
  return `/api/resources/${enc(id)}/preview`;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** An upload under way: its answer, and a way to stop it (the promise then rejects with an AbortError). */
export interface UploadHandle<T> {
  done: Promise<T>;
  cancel(): void;
}

export interface NewResourceInput {
  title: string;
  description: string;
  /** Comma-separated, as the form field carries them. */
  tags: string;
  type: ResourceType;
  visibility: ResourceVisibility;
  /** Exactly one of `file` and `url`. */
  file?: File;
  url?: string;
}

interface UploadCallbacks {
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
function sendMultipart<T>(path: string, form: FormData, callbacks: UploadCallbacks): UploadHandle<T> {
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

/** `POST /api/resources`: a file (with progress) or a link; the text fields precede the file part. */
export function uploadResource(input: NewResourceInput, callbacks: UploadCallbacks): UploadHandle<ResourceDetailDto> {
  const form = new FormData();
  form.set('title', input.title);
  form.set('description', input.description);
  form.set('tags', input.tags);
  form.set('type', input.type);
  form.set('visibility', input.visibility);
  if (input.url) form.set('url', input.url);
  if (input.file) form.set('file', input.file, input.file.name);
  const handle = sendMultipart<{ resource: ResourceDetailDto }>('/api/resources', form, callbacks);
  return { done: handle.done.then(({ resource }) => resource), cancel: handle.cancel };
}

/** `POST /api/resources/:id/versions`: the new file becomes the latest version; earlier ones stay downloadable. */
export function uploadVersion(id: string, file: File, callbacks: UploadCallbacks): UploadHandle<ResourceDetailDto> {
  const form = new FormData();
  form.set('file', file, file.name);
  const handle = sendMultipart<{ resource: ResourceDetailDto }>(`/api/resources/${enc(id)}/versions`, form, callbacks);
  return { done: handle.done.then(({ resource }) => resource), cancel: handle.cancel };
}

export const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';
