import { PublicLayout } from '../../components/PublicLayout.js';

export function LoadingPage() {
  return (
    <PublicLayout>
      <p className="loading" role="status">
        Loading Task Force Connect…
      </p>
    </PublicLayout>
  );
}
