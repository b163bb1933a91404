import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Link, Outlet } from 'react-router';
import { useSignedInMember } from '../features/session/SessionContext.js';
import { AccountSummary } from './AccountSummary.js';
import { BrandMark } from './BrandMark.js';
import { MenuButton } from './MenuButton.js';
import { PrimaryNav } from './PrimaryNav.js';
import { SearchForm } from './SearchForm.js';
import { SiteFooter } from './SiteFooter.js';
import { SkipLink } from './SkipLink.js';
import { useFocusHeadingOnNavigation } from './useFocusHeadingOnNavigation.js';
import './AppShell.css';

const navigationId = 'primary-navigation';

/** The signed-in frame: header with identity and sign out, primary navigation, the routed page, footer. */
export function AppShell() {
  const user = useSignedInMember();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  useFocusHeadingOnNavigation();

  // Escape closes the open menu from anywhere in the header and puts focus back on its button.
  function handleHeaderKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButtonRef.current?.focus();
  }

  return (
    <div className="app-shell">
      <SkipLink />
      <header className="site-header" onKeyDown={handleHeaderKeyDown}>
        <div className="site-header__bar">
          <Link to="/" className="site-header__home">
            <BrandMark />
          </Link>
          <SearchForm />
          <AccountSummary user={user} />
          <MenuButton
            ref={menuButtonRef}
            controls={navigationId}
            expanded={menuOpen}
            onToggle={() => setMenuOpen((open) => !open)}
          />
        </div>
        <PrimaryNav
          id={navigationId}
          open={menuOpen}
          onNavigate={() => setMenuOpen(false)}
        />
      </header>
      <main id="main-content" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <SiteFooter />
    </div>
  );
}
