import type { ResourceDetailDto, ResourcePage, ResourceSort, ResourceType, ResourceVisibility, StorageUsageDto } from '../../../shared/dto/resource.js';
import type { Discipline } from '../../../shared/dto/member.js';
import { requestJson } from './http.js';
import { sendMultipart, type UploadCallbacks, type UploadHandle } from './upload.js';

export { isAbort, type UploadHandle, type UploadProgress } from './upload.js';

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

