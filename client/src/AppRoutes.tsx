import { Navigate, Route, Routes } from 'react-router';
import { AppShell } from './components/AppShell.js';
import { PendingPage } from './features/auth/PendingPage.js';
import { SignInPage } from './features/auth/SignInPage.js';
import { SuspendedPage } from './features/auth/SuspendedPage.js';
import { DiscussionsPage } from './features/discussions/DiscussionsPage.js';
import { HomePage } from './features/home/HomePage.js';
import { MembersPage } from './features/members/MembersPage.js';
import { NotificationsPage } from './features/notifications/NotificationsPage.js';
import { NotificationsProvider } from './features/notifications/NotificationsProvider.js';
import { NotFoundPage } from './features/notFound/NotFoundPage.js';
import { ResourcesPage } from './features/resources/ResourcesPage.js';
import { SearchPage } from './features/search/SearchPage.js';
import { RealtimeProvider } from './realtime/RealtimeProvider.js';
import { LoadingPage } from './features/session/LoadingPage.js';
import { useSession } from './features/session/SessionContext.js';
import { UnavailablePage } from './features/session/UnavailablePage.js';
import { SpotlightsPage } from './features/spotlights/SpotlightsPage.js';
import { SuggestionsPage } from './features/suggestions/SuggestionsPage.js';

/** Chooses what to render from the session: the sign-in page, a holding page, or the signed-in app. */
export function AppRoutes() {
  const { state } = useSession();

  if (state.status === 'loading') return <LoadingPage />;
  if (state.status === 'failed') return <UnavailablePage message={state.message} />;
  if (state.status === 'signedOut') {
    return (
        <Routes>
          <Route path="/pending" element={<PendingPage />} />
          {/* Every other path asks to sign in, and signing in returns to that path. */}
          <Route path="*" element={<SignInPage reason={state.reason} />} />
        </Routes>
    );
  }
  if (state.user.status === 'pending') return <PendingPage />;
  if (state.user.status === 'suspended') return <SuspendedPage />;

  return (
    <RealtimeProvider>
      <NotificationsProvider>
        <Routes>
          <Route element={<AppShell />}>
            <Route index element={<HomePage />} />
            <Route path="discussions/*" element={<DiscussionsPage />} />
            <Route path="spotlights" element={<SpotlightsPage />} />
            <Route path="resources/*" element={<ResourcesPage />} />
            <Route path="search" element={<SearchPage />} />
            <Route path="members" element={<MembersPage />} />
            <Route path="suggestions" element={<SuggestionsPage />} />
            <Route path="notifications" element={<NotificationsPage />} />
            <Route path="pending" element={<Navigate to="/" replace />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </NotificationsProvider>
    </RealtimeProvider>
  );
}
