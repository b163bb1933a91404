import type { PostDoc } from '../../db/models/Post.js';

/**
 * Orders a thread's posts as a tree: each post followed by its replies, siblings oldest first. Posts whose parent
 * is missing are kept at the end rather than dropped, so nothing stored ever disappears from the thread.
 */
export function treeOrder(posts: PostDoc[]): PostDoc[] {
  // ObjectIds grow with creation time, and their hex strings compare in the same order.
  const byAge = [...posts].sort((a, b) => (a.id as string) < (b.id as string) ? -1 : 1);
  const ids = new Set(byAge.map((p) => p.id as string));
  const children = new Map<string, PostDoc[]>();
  const roots: PostDoc[] = [];
  for (const post of byAge) {
    const parentId = post.parent?.toString();
    if (!parentId || !ids.has(parentId)) roots.push(post);
    else children.set(parentId, [...(children.get(parentId) ?? []), post]);
  }
  const ordered: PostDoc[] = [];
  // Iterative depth-first walk: a deep thread must not exhaust the call stack.
  const stack = [...roots].reverse();
  while (stack.length) {
    const post = stack.pop()!;
    ordered.push(post);
    stack.push(...[...(children.get(post.id as string) ?? [])].reverse());
  }
  return ordered;
}
