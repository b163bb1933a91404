import { signInUrl } from '../../api/session.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PublicLayout } from '../../components/PublicLayout.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';

/** Where the server sends a member whose task force requires approval and who has not been approved yet. */
export function PendingPage() {
  useDocumentTitle('Membership pending');
  return (
    <PublicLayout>
      <PageHeading>Your membership is pending</PageHeading>
      <p className="lead">
        Your membership is waiting for your task force coordinator’s approval. You will be able to use Task Force
        Connect as soon as they approve it.
      </p>
      <p>
        If it is taking longer than expected, contact your task force coordinator directly. Once you have been
        approved, sign in again to continue.
      </p>
      <a className="button button--secondary" href={signInUrl('/')}>
        Sign in again
      </a>
    </PublicLayout>
  );
}
