import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes.js';
import { AnnouncerProvider } from './components/AnnouncerProvider.js';
import { SessionProvider } from './features/session/SessionProvider.js';

export function App() {
  return (
    <AnnouncerProvider>
      <BrowserRouter>
        <SessionProvider>
          <AppRoutes />
        </SessionProvider>
      </BrowserRouter>
    </AnnouncerProvider>
  );
}
