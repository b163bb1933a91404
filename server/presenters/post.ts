import type { PostDoc } from '../db/models/Post.js';
import type { ThreadDoc } from '../db/models/Thread.js';
import { postAbilities, postFactsOf, type Viewer } from '../policies/index.js';
import { reactionKinds, type PostDto, type ReactionCountDto } from '../../shared/dto/discussion.js';
import { presentAuthor, type AuthorsById } from './author.js';

function presentReactions(post: PostDoc, viewer: Viewer): ReactionCountDto[] {
  return reactionKinds
    .map((reaction) => {
      const given = post.reactions.filter((r) => r.reaction === reaction);
      return { reaction, count: given.length, mine: given.some((r) => r.member.toString() === viewer.id) };
    })
    .filter((r) => r.count > 0);
}

/** A removed post keeps its id and place in the tree; its text, author and reactions are not shown to anyone. */
export function presentPost(post: PostDoc, thread: ThreadDoc, viewer: Viewer, authors: AuthorsById): PostDto {
  const facts = postFactsOf(post, thread);
  const abilities = postAbilities(viewer, facts);
  const base = {
    id: post.id as string,
    threadId: post.thread.toString(),
    parentId: post.parent ? post.parent.toString() : null,
    replyToId: post.replyTo ? post.replyTo.toString() : null,
    depth: post.depth,
    createdAt: post.createdAt.toISOString(),
    abilities,
  };
  if (facts.removed) {
    return { ...base, removed: true, body: '', bodyHtml: '', author: null, editedAt: null, reactions: [], attachments: [] };
  }
  return {
    ...base,
    removed: false,
    body: post.body,
    bodyHtml: post.bodyHtml,
    author: presentAuthor(authors, post.author),
    editedAt: post.editedAt ? post.editedAt.toISOString() : null,
    reactions: presentReactions(post, viewer),
    attachments: post.attachments.map((a) => ({ id: a.attachment.toString(), fileName: a.fileName, contentType: a.contentType, size: a.size, isImage: a.isImage })),
    ...(abilities.canViewHistory
      ? { revisions: post.revisions.map((r) => ({ body: r.body, editedAt: r.editedAt.toISOString(), editorId: r.editor.toString() })) }
      : {}),
  };
}
