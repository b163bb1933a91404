import { useEffect } from 'react';

export const productName = 'Task Force Connect';

/** Sets the tab title to "<page> · Task Force Connect" so each route is identifiable (WCAG 2.4.2). */
export function useDocumentTitle(pageTitle?: string): void {
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${productName}` : productName;
  }, [pageTitle]);
}
