import { Link } from 'react-router';
import './Breadcrumb.css';

export type BreadcrumbItem = { label: string; to: string };

/**
 * The way back up from a page: every item is a link to an ancestor. The current page is not listed; its heading
 * follows the breadcrumb.
 */
export function Breadcrumb({ items }: { items: BreadcrumbItem[] }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to}>{item.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
