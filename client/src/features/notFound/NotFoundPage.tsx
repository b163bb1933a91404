import { Link } from 'react-router';
import { SectionIntro } from '../../components/SectionIntro.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <SectionIntro title="Page not found" lead="There is no page at this address. It may have moved or been removed.">
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </SectionIntro>
  );
}
