import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a client-side route change, moves focus to the new page's h1 so keyboard and screen reader users start at
 * the new content instead of a stale link. The first render is left alone: the browser's own focus is right there.
 */
export function useFocusHeadingOnNavigation(): void {
  const { pathname } = useLocation();
  const isFirstRender = useRef(true);

  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('#main-content h1')?.focus();
  }, [pathname]);
}
