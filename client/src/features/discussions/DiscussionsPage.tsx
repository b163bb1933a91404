import { Route, Routes, useParams } from 'react-router';
import { NotFoundPage } from '../notFound/NotFoundPage.js';
import { CategoriesPage } from './CategoriesPage.js';
import { NewThreadPage } from './NewThreadPage.js';
import { ThreadListPage } from './ThreadListPage.js';
import { ThreadPage } from './ThreadPage.js';

/** A fresh list per category, so paging state never leaks from one category into another. */
function ThreadListRoute() {
  const { categoryId } = useParams();
  return <ThreadListPage key={categoryId} />;
}

/** The discussions section under `/discussions`: categories, a category's threads, a new thread, a thread. */
export function DiscussionsPage() {
  return (
    <Routes>
      <Route index element={<CategoriesPage />} />
      <Route path="c/:categoryId" element={<ThreadListRoute />} />
      <Route path="c/:categoryId/new" element={<NewThreadPage />} />
      <Route path="t/:threadId" element={<ThreadPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
