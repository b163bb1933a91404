import type { PostDto, ReactionCountDto } from '../../../../shared/dto/discussion.js';

export interface PostNode {
  post: PostDto;
  children: PostNode[];
}

const byAge = (a: PostDto, b: PostDto) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/**
 * The posts as a tree: the opening post and any orphan whose parent is not loaded are roots; siblings oldest first.
 * Built from parentId rather than list order, so a post arriving live lands under its parent wherever that is.
 */
export function buildTree(posts: PostDto[]): PostNode[] {
  const nodes = new Map(posts.map((post) => [post.id, { post, children: [] as PostNode[] }]));
  const roots: PostNode[] = [];
  for (const post of [...posts].sort(byAge)) {
    const node = nodes.get(post.id)!;
    const parent = post.parentId ? nodes.get(post.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** How many replies sit under a node at every level, to say what collapsing it hides. */
export function countReplies(node: PostNode): number {
  return node.children.reduce((sum, child) => sum + 1 + countReplies(child), 0);
}

/** Live payloads say `mine: false` for everyone; the member's own reactions are kept from what we knew. */
function keepMine(known: ReactionCountDto[], incoming: ReactionCountDto[]): ReactionCountDto[] {
  const mine = new Set(known.filter((r) => r.mine).map((r) => r.reaction));
  return incoming.map((r) => ({ ...r, mine: r.mine || mine.has(r.reaction) }));
}

/**
 * Merges a post pushed over the socket into what this member already has. Live payloads are presented for a
 * plain reader, so the member's own abilities, revision history and reaction marks are kept from the REST answer.
 */
export function mergeLivePost(known: PostDto | undefined, incoming: PostDto): PostDto {
  if (!known) return incoming;
  return {
    ...incoming,
    abilities: known.abilities,
    revisions: incoming.revisions ?? known.revisions,
    reactions: keepMine(known.reactions, incoming.reactions),
  };
}

/** The list with `post` replacing the post of the same id, or appended when it is new. */
export function upsert(posts: PostDto[], post: PostDto): PostDto[] {
  const index = posts.findIndex((p) => p.id === post.id);
  if (index === -1) return [...posts, post];
  const next = [...posts];
  next[index] = post;
  return next;
}
