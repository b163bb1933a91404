import { PageHeading } from '../../components/PageHeading.js';
import { PublicLayout } from '../../components/PublicLayout.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';

export function SuspendedPage() {
  useDocumentTitle('Access suspended');
  return (
    <PublicLayout>
      <PageHeading>Your access is suspended</PageHeading>
      <p className="lead">
        An administrator has suspended your access to Task Force Connect. Contact your task force coordinator or the
        TTA team if you think this is a mistake.
      </p>
    </PublicLayout>
  );
}
