import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import type { PostDto, ReactionKind, ThreadDto } from '../../../../shared/dto/discussion.js';
import type { RoomStatus } from '../../realtime/useThreadRoom.js';
import { createPost, deletePost, describeError, toggleReaction, updatePost } from '../../api/discussions.js';
import { ReportDialog } from './ReportDialog.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { Breadcrumb } from '../../components/Breadcrumb.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useAnnounce } from '../../lib/announcer.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useSignedInMember } from '../session/SessionContext.js';
import { Composer } from './Composer.js';
import { authorName, PostBody, PostItem } from './PostItem.js';
import type { PostActions } from './PostItem.js';
import { buildTree } from './postTree.js';
import { quoteOf } from './quote.js';
import { ThreadModeration } from './ThreadModeration.js';
import { WatchButton } from './WatchButton.js';
import { useLiveThread } from './useLiveThread.js';
import { useThread } from './useThread.js';
import type { ThreadModel } from './useThread.js';
import { categoryById, useCategories } from './useCategories.js';
import './discussions.css';

type InlineComposer = { mode: 'reply' | 'edit'; post: PostDto; draft: string };

/** `/discussions/t/:threadId`: the thread, its replies nested by depth, live updates and the composers. */
export function ThreadPage() {
  const { threadId = '' } = useParams();
  const me = useSignedInMember();
  const model = useThread(threadId);
  const roomStatus = useLiveThread(threadId, model, me.id);
  const categories = useCategories();
  const { state } = model;
  useDocumentTitle(state.status === 'ready' ? state.thread.title : 'Thread');
  const categoryId = state.status === 'ready' ? state.thread.categoryId : undefined;

  // One structure in every state, so the h1 that navigation focused stays the same element once the thread loads.
  return (
    <div className="discussions thread-view">
      <Breadcrumb
        items={[
          { label: 'Discussions', to: '/discussions' },
          ...(categoryId ? [{ label: categoryById(categories, categoryId)?.name ?? 'Category', to: `/discussions/c/${categoryId}` }] : []),
        ]}
      />
      <PageHeading>{state.status === 'ready' ? state.thread.title : state.status === 'loading' ? 'Loading thread…' : 'Thread not available'}</PageHeading>
      {state.status === 'failed' && <p className="form-error">{state.message}</p>}
      {state.status === 'ready' && <ThreadContent thread={state.thread} posts={state.posts} model={model} roomStatus={roomStatus} />}
    </div>
  );
}

interface ThreadContentProps {
  thread: ThreadDto;
  posts: PostDto[];
  model: ThreadModel;
  roomStatus: RoomStatus;
}

function ThreadContent({ thread, posts, model, roomStatus }: ThreadContentProps) {
  const announce = useAnnounce();
  const [threadDraft, setThreadDraft] = useState('');
  const [inline, setInline] = useState<InlineComposer | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<PostDto | null>(null);
  const [reporting, setReporting] = useState<PostDto | null>(null);
  const [actionError, setActionError] = useState('');
  const [actionNotice, setActionNotice] = useState('');
  const { hash } = useLocation();
  const [opening, ...orphans] = buildTree(posts);
  const replyCount = posts.filter((p) => p.parentId !== null && !p.removed).length;

  // A notification links to `#post-<id>`: bring that post into view once the thread is on screen.
  useEffect(() => {
    if (hash.startsWith('#post-')) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [hash]);

  async function sendReply(parent: PostDto | null, body: string, acknowledgePii: boolean, attachmentIds: string[] = []) {
    const post = await createPost(thread.id, { body, ...(parent ? { parentId: parent.id } : {}), ...(acknowledgePii ? { acknowledgePii } : {}), ...(attachmentIds.length ? { attachmentIds } : {}) });
    model.applyOwn(post);
    announce('Your reply was posted');
  }

  async function sendEdit(post: PostDto, body: string, acknowledgePii: boolean) {
    model.applyOwn(await updatePost(post.id, { body, ...(acknowledgePii ? { acknowledgePii } : {}) }));
    announce('Your edit was saved');
  }

  async function run(action: () => Promise<void>) {
    setActionError('');
    try {
      await action();
    } catch (error) {
      setActionError(describeError(error));
    }
  }

  const actions: PostActions = {
    reply: (post) => setInline({ mode: 'reply', post, draft: inline?.mode === 'reply' && inline.post.id === post.id ? inline.draft : '' }),
    quote: (post) => {
      const keep = inline?.mode === 'reply' && inline.post.id === post.id ? inline.draft : '';
      setInline({ mode: 'reply', post, draft: `${keep}${keep ? '\n\n' : ''}${quoteOf(authorName(post), post.body)}` });
    },
    edit: (post) => setInline({ mode: 'edit', post, draft: post.body }),
    remove: (post) => setConfirmDelete(post),
    report: (post) => setReporting(post),
    authorOf: (postId) => {
      const target = posts.find((p) => p.id === postId);
      return target && !target.removed ? authorName(target) : undefined;
    },
    react: (post: PostDto, reaction: ReactionKind) => void run(async () => model.applyOwn(await toggleReaction(post.id, reaction))),
    composerFor: (post) => {
      if (!inline || inline.post.id !== post.id) return null;
      const close = () => {
        setInline(null);
        // The composer held focus; give it back to the post's first action rather than losing it to the page.
        window.requestAnimationFrame(() => document.querySelector<HTMLElement>(`[id="post-${post.id}"] > .post__actions button`)?.focus());
      };
      const isEdit = inline.mode === 'edit';
      return {
        mode: inline.mode,
        element: (
          <Composer
            key={`${inline.mode}-${post.id}`}
            label={isEdit ? 'Edit your post' : `Your reply to ${authorName(post)}`}
            value={inline.draft}
            onChange={(draft) => setInline((current) => (current ? { ...current, draft } : current))}
            submitLabel={isEdit ? 'Save edit' : 'Post reply'}
            autoFocus
            onCancel={close}
            attachable={!isEdit}
            onSubmit={async (acknowledgePii, attachmentIds) => {
              if (isEdit) await sendEdit(post, inline.draft, acknowledgePii);
              else await sendReply(post, inline.draft, acknowledgePii, attachmentIds);
              close();
            }}
          />
        ),
      };
    },
  };

  return (
    <>
      <div className="thread-view__status">
        {thread.pinned && <span className="badge">Pinned</span>}
        {thread.locked && <span className="badge badge--locked">Locked: no new replies</span>}
        <WatchButton thread={thread} onChanged={model.applyThread} />
        <span className="live-status" data-status={roomStatus}>
          {roomStatus === 'live' ? 'Live updates on' : roomStatus === 'refused' ? 'Live updates unavailable' : 'Connecting for live updates…'}
        </span>
      </div>
      {(thread.abilities.canModerate || thread.abilities.canEditTitle) && <ThreadModeration
          thread={thread}
          onChanged={(next) => {
            model.applyThread(next);
            // Posts' abilities (reply, edit) follow the lock and the space; load them again as the server now says.
            if (next.locked !== thread.locked || next.categoryId !== thread.categoryId) model.refresh();
          }}
        />}
      {actionError && (
        <p className="form-error" role="alert">
          {actionError}
        </p>
      )}
      {/* Seen, not announced: the announcer already spoke it. */}
      {actionNotice && <p className="notice notice--info">{actionNotice}</p>}
      {opening && <PostBody post={opening.post} actions={actions} headingLevel={2} />}
      <section aria-labelledby="replies-heading" className="replies">
        <h2 id="replies-heading">
          {replyCount} repl{replyCount === 1 ? 'y' : 'ies'}
        </h2>
        {opening && opening.children.length + orphans.length > 0 && (
          <ul className="post-tree">
            {[...opening.children, ...orphans].map((node) => (
              <PostItem key={node.post.id} node={node} actions={actions} />
            ))}
          </ul>
        )}
      </section>
      {opening?.post.abilities.canReply && (
        <section aria-labelledby="reply-heading" className="thread-reply">
          <h2 id="reply-heading">Reply to the thread</h2>
          <Composer
            label="Your reply"
            value={threadDraft}
            onChange={setThreadDraft}
            submitLabel="Post reply"
            attachable
            onSubmit={async (acknowledgePii, attachmentIds) => {
              await sendReply(null, threadDraft, acknowledgePii, attachmentIds);
              setThreadDraft('');
            }}
          />
        </section>
      )}
      {thread.locked && !opening?.post.abilities.canReply && <p className="notice notice--info">This thread is locked. No new replies can be posted.</p>}
      {reporting && (
        <ReportDialog
          postId={reporting.id}
          authorName={authorName(reporting)}
          onCancel={() => setReporting(null)}
          onDone={(message) => {
            setReporting(null);
            setActionNotice(message);
            announce(message);
          }}
        />
      )}
      {confirmDelete && (
        <ConfirmDialog
          title="Delete this post?"
          message="The post’s text is removed for everyone. Replies to it stay in the thread."
          confirmLabel="Delete post"
          onCancel={() => setConfirmDelete(null)}
          onConfirm={() => {
            const post = confirmDelete;
            setConfirmDelete(null);
            void run(async () => {
              model.applyOwn(await deletePost(post.id));
              announce('The post was removed');
            });
          }}
        />
      )}
    </>
  );
}
