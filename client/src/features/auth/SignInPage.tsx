import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { signInUrl } from '../../api/session.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PublicLayout } from '../../components/PublicLayout.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import type { SignedOutReason } from '../session/SessionContext.js';
import './SignInPage.css';

const notices: Record<SignedOutReason, { text: string; className: string } | null> = {
  anonymous: null,
  signedOut: { text: 'You have signed out. Close the browser if this is a shared computer.', className: 'notice--success' },
  expired: { text: 'Your session has ended. Sign in again to continue where you were.', className: 'notice--info' },
};

/** Shown for any path while nobody is signed in; signing in brings the member back to that path. */
export function SignInPage({ reason }: { reason: SignedOutReason }) {
  const location = useLocation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const notice = notices[reason];
  useDocumentTitle(reason === 'signedOut' ? 'Signed out' : 'Sign in');

  useEffect(() => {
    // When a session ends the previous page is gone and focus would fall to <body>; start at the heading instead.
    if (reason !== 'anonymous') headingRef.current?.focus();
  }, [reason]);

  const returnTo = `${location.pathname}${location.search}`;
  return (
    <PublicLayout>
      {notice && (
        <p className={`notice ${notice.className}`} data-testid="session-notice">
          {notice.text}
        </p>
      )}
      <PageHeading ref={headingRef}>Sign in to Task Force Connect</PageHeading>
      <p className="sign-in__lead">
        Task Force Connect is the private community where members of DOJ-funded Enhanced Collaborative Model (ECM)
        anti-human-trafficking task forces share practice, resources and ideas.
      </p>
      <p className="sign-in__audience">
        It is only for members of funded ECM task forces and the TTA team. Your organization’s sign-in confirms that
        you belong to one.
      </p>
      <a className="button button--primary button--large" href={signInUrl(returnTo)}>
        Sign in with your organization
      </a>
      <p className="sign-in__help">
        There is no separate password. If you are refused, ask your task force coordinator to confirm your
        membership with the TTA team.
      </p>
    </PublicLayout>
  );
}
