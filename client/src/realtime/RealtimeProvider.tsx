import { useEffect, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import { reportSessionLost } from '../api/http.js';
import { RealtimeContext } from './realtimeContext.js';
import type { RealtimeContextValue } from './realtimeContext.js';
import { openRealtimeSocket } from './socket.js';
import type { RealtimeSocket } from './socket.js';

/**
 * Owns the signed-in tab's socket. When the server says the session ended (signed out elsewhere, suspended,
 * expired) the app returns to the sign-in page through the same path as an HTTP 401.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const socketRef = useRef<RealtimeSocket | null>(null);

  const value = useMemo<RealtimeContextValue>(
    () => ({
      socket() {
        if (!socketRef.current) {
          const socket = openRealtimeSocket();
          socket.on('session:ended', () => {
            socket.disconnect();
            reportSessionLost();
          });
          // The handshake is refused only when the session cookie no longer signs anyone in.
          socket.on('connect_error', (error) => {
            if (error.message === 'unauthenticated') reportSessionLost();
          });
          socketRef.current = socket;
        }
        return socketRef.current;
      },
    }),
    [],
  );

  useEffect(
    () => () => {
      socketRef.current?.disconnect();
      socketRef.current = null;
    },
    [],
  );

  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
