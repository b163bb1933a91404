import type { FlagReason } from '../../../shared/dto/flag.js';
import type {
  CategoryListResponse,
  PostDto,
  PreviewResponse,
  ReactionKind,
  ThreadDetailResponse,
  ThreadDto,
  ThreadPage,
} from '../../../shared/dto/discussion.js';
import type { PiiKind } from '../../../shared/pii/detectPii.js';
import type { CreatePostBody, CreateThreadBody, UpdatePostBody, UpdateThreadBody } from '../../../shared/schemas/discussions.js';
import { ApiError, requestJson } from './http.js';

/** A thread as lists show it, with the member's unread count and watch state. */
export type ThreadSummary = ThreadDto;

const enc = encodeURIComponent;

export function fetchCategories(signal?: AbortSignal): Promise<CategoryListResponse> {
  return requestJson<CategoryListResponse>('/api/categories', { signal });
}

export function fetchThreadPage(categoryId: string, cursor: string | null, signal?: AbortSignal): Promise<ThreadPage> {
  const query = cursor ? `?cursor=${enc(cursor)}` : '';
  return requestJson<ThreadPage>(`/api/categories/${enc(categoryId)}/threads${query}`, { signal });
}

export function fetchThread(threadId: string, signal?: AbortSignal): Promise<ThreadDetailResponse> {
  return requestJson<ThreadDetailResponse>(`/api/threads/${enc(threadId)}`, { signal });
}

export function createThread(input: CreateThreadBody): Promise<ThreadDetailResponse> {
  return requestJson<ThreadDetailResponse>('/api/threads', { method: 'POST', body: input });
}

export async function updateThread(threadId: string, input: UpdateThreadBody): Promise<ThreadDto> {
  const { thread } = await requestJson<{ thread: ThreadDto }>(`/api/threads/${enc(threadId)}`, { method: 'PATCH', body: input });
  return thread;
}

export async function createPost(threadId: string, input: CreatePostBody): Promise<PostDto> {
  const { post } = await requestJson<{ post: PostDto }>(`/api/threads/${enc(threadId)}/posts`, { method: 'POST', body: input });
  return post;
}

export async function updatePost(postId: string, input: UpdatePostBody): Promise<PostDto> {
  const { post } = await requestJson<{ post: PostDto }>(`/api/posts/${enc(postId)}`, { method: 'PATCH', body: input });
  return post;
}

export async function deletePost(postId: string): Promise<PostDto> {
  const { post } = await requestJson<{ post: PostDto }>(`/api/posts/${enc(postId)}`, { method: 'DELETE' });
  return post;
}

/** Marks everything in the thread read (the open thread received new posts while the member was looking). */
export async function markThreadRead(threadId: string): Promise<void> {
  await requestJson<unknown>(`/api/threads/${enc(threadId)}/read`, { method: 'POST', body: {} });
}

/** Watches or stops watching a thread; answers the member's new state. */
export function setWatching(threadId: string, watching: boolean): Promise<{ watching: boolean }> {
  return requestJson(`/api/threads/${enc(threadId)}/watch`, { method: watching ? 'PUT' : 'DELETE' });
}

export async function toggleReaction(postId: string, reaction: ReactionKind): Promise<PostDto> {
  const { post } = await requestJson<{ post: PostDto }>(`/api/posts/${enc(postId)}/reactions`, { method: 'POST', body: { reaction } });
  return post;
}


/** Renders Markdown exactly as the server will store it. */
export function previewBody(body: string, signal?: AbortSignal): Promise<PreviewResponse> {
  return requestJson<PreviewResponse>('/api/preview', { method: 'POST', body: { body }, signal });
}

export interface MemberSuggestion {
  id: string;
  displayName: string;
  handle: string;
  taskForceName?: string | null;
  discipline?: string | null;
}

/** Members whose name or handle starts with `query`, for @mention autocomplete; empty when the route is absent. */
export async function searchMembers(query: string, signal?: AbortSignal): Promise<MemberSuggestion[]> {
  try {
    const { items } = await requestJson<{ items: MemberSuggestion[] }>(`/api/members?q=${enc(query)}&limit=8`, { signal });
    return Array.isArray(items) ? items.filter((m) => typeof m?.handle === 'string') : [];
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return [];
    throw error;
  }
}

/** One matched span of a 422 `pii_warning`, as offsets into the submitted text. */
export interface PiiSpan {
  kind: PiiKind;
  start: number;
  end: number;
  /** Which field it was found in: `body` or `title`. */
  field: string;
}

/** The spans of a `pii_warning` answer; an empty list for any other error. */
export function piiSpansOf(error: unknown): PiiSpan[] {
  if (!(error instanceof ApiError) || error.code !== 'pii_warning') return [];
  return error.details.flatMap((detail) => {
    const { kind, start, end, path } = detail as { kind?: unknown; start?: unknown; end?: unknown; path?: unknown };
    if (typeof kind !== 'string' || typeof start !== 'number' || typeof end !== 'number') return [];
    const field = typeof path === 'string' ? path.replace(/^body\./, '') : 'body';
    return [{ kind: kind as PiiKind, start, end, field }];
  });
}

/** An error as one plain sentence a member can act on; never a stack or a status code alone. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  switch (error.code) {
    case 'rate_limited': {
      const wait = error.retryAfterSeconds;
      return wait ? `You are posting quickly. Wait ${wait} second${wait === 1 ? '' : 's'} and try again.` : 'You are posting quickly. Wait a moment and try again.';
    }
    case 'validation_failed': {
      const detail = error.details[0];
      return detail ? `Check your text: ${detail.path ? `${detail.path.replace(/^body\./, '')} ` : ''}${detail.message}.` : error.message;
    }
    case 'not_found':
      return 'This was not found. It may have been moved or removed, or it is in a space you cannot read.';
    case 'forbidden':
      return 'You are not allowed to do that here.';
    case 'unauthenticated':
      return 'Your session ended. Sign in again.';
    case 'csrf':
      return 'Your session changed in another tab. Reload the page and try again.';
    case 'network':
    case 'unavailable':
    case 'internal':
      return 'The server could not be reached or had a problem. Try again in a moment.';
    default:
      return error.message;
  }
}

/** Reports a post to the moderators (one open report per member and post: a second answers 409). */
export async function flagPost(postId: string, input: { reason: FlagReason; note?: string }): Promise<void> {
  await requestJson<unknown>(`/api/posts/${enc(postId)}/flags`, { method: 'POST', body: input });
}
