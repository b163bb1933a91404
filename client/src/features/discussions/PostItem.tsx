import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { PostDto, ReactionKind } from '../../../../shared/dto/discussion.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { countReplies } from './postTree.js';
import type { PostNode } from './postTree.js';
import { ReactionBar } from './ReactionBar.js';
import { PostAttachments } from './PostAttachments.js';
import { RevisionHistory } from './RevisionHistory.js';

export interface PostActions {
  reply(post: PostDto): void;
  quote(post: PostDto): void;
  edit(post: PostDto): void;
  remove(post: PostDto): void;
  /** Opens the report dialog for the moderators. */
  report(post: PostDto): void;
  react(post: PostDto, reaction: ReactionKind): void;
  /** The display name on a post of this thread, for "in reply to" beside replies attached at the depth limit. */
  authorOf(postId: string): string | undefined;
  /** The inline composer open on this post (reply or edit), if any. */
  composerFor(post: PostDto): { mode: 'reply' | 'edit'; element: ReactNode } | null;
}

export const authorName = (post: PostDto) => post.author?.displayName ?? 'A former member';

/** One post's header, text (server-rendered bodyHtml), history, reactions and actions. */
export function PostBody({ post, actions, headingLevel }: { post: PostDto; actions: PostActions; headingLevel: 2 | 3 }) {
  const headingId = useId();
  const composer = actions.composerFor(post);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { abilities } = post;

  return (
    <article className="post" id={`post-${post.id}`} aria-labelledby={headingId}>
      <header className="post__header">
        <Heading id={headingId} className="post__author">
          {post.removed ? 'Removed post' : authorName(post)}
        </Heading>
        <span className="post__meta">
          <RelativeTime iso={post.createdAt} />
          {post.editedAt && !post.removed && (
            <>
              {' · '}
              <span className="post__edited">
                edited <RelativeTime iso={post.editedAt} />
              </span>
            </>
          )}
        </span>
      </header>
      {post.replyToId && post.replyToId !== post.parentId && (
        <p className="post__reply-to">In reply to {actions.authorOf(post.replyToId) ?? 'an earlier post'}</p>
      )}
      {post.removed ? (
        <p className="post__removed">This post was removed. Its replies are kept.</p>
      ) : composer?.mode === 'edit' ? (
        composer.element
      ) : (
        // bodyHtml is rendered and sanitized by the server with its one allowlist; body is never rendered as HTML.
        <div className="post__body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      )}
      {!post.removed && <PostAttachments attachments={post.attachments ?? []} />}
      {!post.removed && post.revisions && <RevisionHistory revisions={post.revisions} />}
      {!post.removed && <ReactionBar post={post} onToggle={(reaction) => actions.react(post, reaction)} />}
      {!post.removed && composer?.mode !== 'edit' && (
        <div className="post__actions">
          {abilities.canReply && (
            <button type="button" className="link-button" onClick={() => actions.reply(post)}>
              Reply<span className="visually-hidden"> to {authorName(post)}</span>
            </button>
          )}
          {abilities.canReply && (
            <button type="button" className="link-button" onClick={() => actions.quote(post)}>
              Quote<span className="visually-hidden"> {authorName(post)}</span>
            </button>
          )}
          {abilities.canEdit && (
            <button type="button" className="link-button" onClick={() => actions.edit(post)}>
              Edit<span className="visually-hidden"> your post</span>
            </button>
          )}
          {abilities.canFlag && (
            <button type="button" className="link-button" onClick={() => actions.report(post)}>
              Report<span className="visually-hidden"> post by {authorName(post)}</span>
            </button>
          )}
          {abilities.canDelete && (
            <button type="button" className="link-button link-button--danger" onClick={() => actions.remove(post)}>
              Delete<span className="visually-hidden"> post by {authorName(post)}</span>
            </button>
          )}
        </div>
      )}
      {composer?.mode === 'reply' && composer.element}
    </article>
  );
}

/** A reply and its subtree, as a list item holding a nested list; the subtree collapses behind a button. */
export function PostItem({ node, actions }: { node: PostNode; actions: PostActions }) {
  const [expanded, setExpanded] = useState(true);
  const listId = useId();
  const hidden = countReplies(node);
  const repliesWord = `${hidden} repl${hidden === 1 ? 'y' : 'ies'}`;

  return (
    <li className="post-tree__item">
      <PostBody post={node.post} actions={actions} headingLevel={3} />
      {node.children.length > 0 && (
        <>
          <button
            type="button"
            className="collapse-toggle"
            aria-expanded={expanded}
            aria-controls={listId}
            onClick={() => setExpanded((open) => !open)}
          >
            {expanded ? `Hide ${repliesWord}` : `Show ${repliesWord}`}
            <span className="visually-hidden"> to {node.post.removed ? 'the removed post' : authorName(node.post)}</span>
          </button>
          <ul id={listId} className="post-tree post-tree--nested" hidden={!expanded} aria-label={`Replies to ${authorName(node.post)}`}>
            {node.children.map((child) => (
              <PostItem key={child.post.id} node={child} actions={actions} />
            ))}
          </ul>
        </>
      )}
    </li>
  );
}
