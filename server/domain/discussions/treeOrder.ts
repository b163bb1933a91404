type IdLike = { toString(): string };

/**
 * Orders a thread's posts as a tree: each post followed by its replies, siblings oldest first. Posts whose parent
 * is missing are kept at the end rather than dropped, so nothing stored ever disappears from the thread. Takes
 * hydrated or lean posts (only `_id` and `parent` are read).
 */
export function treeOrder<P extends { _id: IdLike; parent?: IdLike | null }>(posts: readonly P[]): P[] {
  const idOf = new Map(posts.map((p) => [p, p._id.toString()]));
  // ObjectIds grow with creation time, and their hex strings compare in the same order.
  const byAge = [...posts].sort((a, b) => (idOf.get(a)! < idOf.get(b)! ? -1 : 1));
  const ids = new Set(idOf.values());
  const children = new Map<string, P[]>();
  const roots: P[] = [];
  for (const post of byAge) {
    const parentId = post.parent?.toString();
    if (!parentId || !ids.has(parentId)) roots.push(post);
    else {
      const siblings = children.get(parentId);
      if (siblings) siblings.push(post);
      else children.set(parentId, [post]);
    }
  }
  const ordered: P[] = [];
  // Iterative depth-first walk: a deep thread must not exhaust the call stack.
  const stack = [...roots].reverse();
  while (stack.length) {
    const post = stack.pop()!;
    ordered.push(post);
    const replies = children.get(idOf.get(post)!);
    if (replies) for (let i = replies.length - 1; i >= 0; i--) stack.push(replies[i]);
  }
  return ordered;
}
