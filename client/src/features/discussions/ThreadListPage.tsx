import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, fetchThreadPage } from '../../api/discussions.js';
import type { ThreadSummary } from '../../api/discussions.js';
import { Breadcrumb } from '../../components/Breadcrumb.js';
import { PageHeading } from '../../components/PageHeading.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useAnnounce } from '../../lib/announcer.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { categoryById, useCategories } from './useCategories.js';
import './discussions.css';

interface ListState {
  items: ThreadSummary[];
  nextCursor: string | null;
  status: 'loading' | 'ready' | 'failed';
  message?: string;
}

/** Pinned threads first, keeping the server's last-activity order within each group. */
const pinnedFirst = (items: ThreadSummary[]) => [...items.filter((t) => t.pinned), ...items.filter((t) => !t.pinned)];

/** `/discussions/c/:categoryId`: the category's threads by last activity, paged with "Load more". */
export function ThreadListPage() {
  const { categoryId = '' } = useParams();
  const categories = useCategories();
  const category = categoryById(categories, categoryId);
  const announce = useAnnounce();
  const [list, setList] = useState<ListState>({ items: [], nextCursor: null, status: 'loading' });
  const [cursor, setCursor] = useState<string | null>(null);
  useDocumentTitle(category?.name ?? 'Threads');

  useEffect(() => {
    const controller = new AbortController();
    fetchThreadPage(categoryId, cursor, controller.signal).then(
      (page) => {
        setList((current) => ({ items: cursor ? [...current.items, ...page.items] : page.items, nextCursor: page.nextCursor, status: 'ready' }));
        if (cursor) announce(`${page.items.length} more threads loaded`);
      },
      (error: unknown) => !controller.signal.aborted && setList((current) => ({ ...current, status: 'failed', message: describeError(error) })),
    );
    return () => controller.abort();
  }, [categoryId, cursor, announce]);

  const heading = category?.name ?? (categories.status === 'loading' ? 'Threads' : 'Category');
  return (
    <div className="discussions">
      <Breadcrumb items={[{ label: 'Discussions', to: '/discussions' }]} />
      <PageHeading>{heading}</PageHeading>
      {category?.description && <p className="lead">{category.description}</p>}
      {category?.visibility === 'private' && <p className="badge badge--private">Private task force space</p>}
      {category?.abilities.canCreateThread && (
        <p>
          <Link className="button button--primary" to={`/discussions/c/${categoryId}/new`}>
            New thread
          </Link>
        </p>
      )}
      <h2>Threads</h2>
      {list.status === 'loading' && list.items.length === 0 && <p className="loading">Loading threads…</p>}
      {list.status === 'failed' && <p className="form-error">{list.message}</p>}
      {list.status === 'ready' && list.items.length === 0 && <p>No threads yet. Start the first one.</p>}
      {list.items.length > 0 && (
        <ul className="card-list thread-list">
          {pinnedFirst(list.items).map((thread) => (
            <li key={thread.id} className={`card${thread.unreadCount ? ' thread-list__item--unread' : ''}`}>
              <h3 className="card-list__title">
                <Link to={`/discussions/t/${thread.id}`}>{thread.title}</Link>
              </h3>
              <p className="thread-list__meta">
                {thread.pinned && <span className="badge">Pinned</span>}
                {thread.locked && <span className="badge badge--locked">Locked</span>}
                {thread.unreadCount ? <span className="badge badge--unread">{thread.unreadCount} unread</span> : null}
                <span>
                  {thread.replyCount} repl{thread.replyCount === 1 ? 'y' : 'ies'}
                </span>
                <span>
                  Last activity <RelativeTime iso={thread.lastActivityAt} />
                </span>
                {thread.author && <span>Started by {thread.author.displayName}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
      {list.nextCursor && (
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={list.status === 'loading' || undefined}
          onClick={() => {
            if (list.status === 'loading') return;
            setList((current) => ({ ...current, status: 'loading' }));
            setCursor(list.nextCursor);
          }}
        >
          {list.status === 'loading' ? 'Loading…' : 'Load more threads'}
        </button>
      )}
    </div>
  );
}
