import { Link } from 'react-router';
import type { NavigationItem } from '../../components/navigationItems.js';

/** A whole-card link to one section; the heading is the link text so the card reads as one target. */
export function SectionCard({ item }: { item: NavigationItem }) {
  return (
    <article className="section-card">
      <h3 className="section-card__title">
        <Link to={item.path} className="section-card__link">
          {item.label}
        </Link>
      </h3>
      <p className="section-card__description">{item.description}</p>
    </article>
  );
}
