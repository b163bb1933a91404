import { Link } from 'react-router';

/** The way back to the library from a resource or the upload form. */
export function ResourcesBreadcrumb() {
  return (
    <nav aria-label="Breadcrumb" className="resources-breadcrumb">
      <ol>
        <li>
          <Link to="/resources">Resources</Link>
        </li>
      </ol>
    </nav>
  );
}
