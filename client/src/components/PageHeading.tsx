import type { ReactNode, Ref } from 'react';

interface PageHeadingProps {
  children: ReactNode;
  ref?: Ref<HTMLHeadingElement>;
}

/**
 * The page's single h1. It takes programmatic focus (tabIndex -1) so that after a route change the focus lands on
 * the new content and screen readers announce it.
 */
export function PageHeading({ children, ref }: PageHeadingProps) {
  return (
    <h1 className="page-heading" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
