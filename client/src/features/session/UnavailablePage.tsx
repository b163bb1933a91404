import { PageHeading } from '../../components/PageHeading.js';
import { PublicLayout } from '../../components/PublicLayout.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useSession } from './SessionContext.js';

/** Shown when the session could not be checked at all (network down, server error), with a way to retry. */
export function UnavailablePage({ message }: { message: string }) {
  const { reload } = useSession();
  useDocumentTitle('Not reachable');
  return (
    <PublicLayout>
      <PageHeading>Task Force Connect is not reachable right now</PageHeading>
      <p className="lead">{message}</p>
      <button type="button" className="button button--primary" onClick={reload}>
        Try again
      </button>
    </PublicLayout>
  );
}
