import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../notFound/NotFoundPage.js';
import { LibraryPage } from './LibraryPage.js';
import { ResourcePage } from './ResourcePage.js';
import { UploadPage } from './UploadPage.js';

/** The resource library under `/resources`: the library, the upload form and one resource. */
export function ResourcesPage() {
  return (
    <Routes>
      <Route index element={<LibraryPage />} />
      <Route path="new" element={<UploadPage />} />
      <Route path=":id" element={<ResourcePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
