import { NavLink } from 'react-router';
import { navigationItems } from './navigationItems.js';
import './PrimaryNav.css';

interface PrimaryNavProps {
  id: string;
  /** On narrow screens the list shows only while the menu is open; wide screens always show it. */
  open: boolean;
  onNavigate(): void;
}

export function PrimaryNav({ id, open, onNavigate }: PrimaryNavProps) {
  return (
    <nav id={id} className={open ? 'primary-nav primary-nav--open' : 'primary-nav'} aria-label="Primary">
      <ul className="primary-nav__list">
        {navigationItems.map((item) => (
          // NavLink marks the current section with aria-current="page"; `end` keeps Home from matching every path.
          <li key={item.path}>
            <NavLink to={item.path} end={item.path === '/'} className="primary-nav__link" onClick={onNavigate}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
