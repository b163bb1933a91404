import { Link } from 'react-router';
import { SectionIntro } from '../../components/SectionIntro.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useSignedInMember } from '../session/SessionContext.js';
import { useCategories } from './useCategories.js';
import './discussions.css';

/** `/discussions`: every category the member may read, private task force spaces marked as such. */
export function CategoriesPage() {
  useDocumentTitle('Discussions');
  const me = useSignedInMember();
  const categories = useCategories();

  return (
    <div className="discussions">
      <SectionIntro
        title="Discussions"
        lead="Threaded conversations on cases and practice with peers across task forces: the national commons, rooms for each discipline, and your task force’s private space."
      >
        <p className="notice notice--info">
          Discuss practice, not case files. Leave out names, dates of birth, addresses, phone numbers and case numbers
          that could identify a victim.
        </p>
      </SectionIntro>
      <h2>Categories</h2>
      {categories.status === 'loading' && <p className="loading">Loading categories…</p>}
      {categories.status === 'failed' && <p className="form-error">{categories.message}</p>}
      {categories.status === 'ready' && (
        <ul className="card-list">
          {categories.items.map((category) => (
            <li key={category.id} className="card">
              <h3 className="card-list__title">
                <Link to={`/discussions/c/${category.id}`}>{category.name}</Link>
              </h3>
              {category.visibility === 'private' && (
                <p className="badge badge--private">
                  Private:{' '}
                  {category.taskForceId && category.taskForceId === me.taskForce?.id ? `${me.taskForce.name} members only` : 'one task force’s space'}
                </p>
              )}
              {category.description && <p className="card-list__text">{category.description}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
