import { navigationItems } from '../../components/navigationItems.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { useSignedInMember } from '../session/SessionContext.js';
import { MembershipCard } from './MembershipCard.js';
import { SectionCard } from './SectionCard.js';
import './HomePage.css';

export function HomePage() {
  const user = useSignedInMember();
  useDocumentTitle('Home');
  const sections = navigationItems.filter((item) => item.path !== '/');

  return (
    <div className="home">
      <div className="home__welcome">
        <PageHeading>Welcome, {user.displayName}</PageHeading>
        <p className="lead">
          Task Force Connect brings together the law enforcement officers, prosecutors and victim service providers
          of DOJ-funded ECM task forces to learn from each other’s practice.
        </p>
      </div>
      <div className="home__layout">
        <section className="home__sections" aria-labelledby="home-sections-heading">
          <h2 id="home-sections-heading" className="home__sections-heading">
            Where to go
          </h2>
          <ul className="home__section-list">
            {sections.map((item) => (
              <li key={item.path}>
                <SectionCard item={item} />
              </li>
            ))}
          </ul>
        </section>
        <MembershipCard user={user} />
      </div>
    </div>
  );
}
