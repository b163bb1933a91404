import type { ReactNode } from 'react';
import { SkipLink } from './SkipLink.js';
import { SiteFooter } from './SiteFooter.js';
import { BrandMark } from './BrandMark.js';
import './PublicLayout.css';

/** The frame of the pages seen before or outside the signed-in shell: sign-in, pending, errors. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="public-layout">
      <SkipLink />
      <header className="public-header">
        <BrandMark />
      </header>
      <main id="main-content" className="public-main" tabIndex={-1}>
        <div className="public-card">{children}</div>
      </main>
      <SiteFooter />
    </div>
  );
}
