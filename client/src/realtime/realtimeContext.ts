import { createContext, useContext } from 'react';
import type { RealtimeSocket } from './socket.js';

export interface RealtimeContextValue {
  /** The tab's one socket, opened on first use so pages that need no live updates never connect. */
  socket(): RealtimeSocket;
}

export const RealtimeContext = createContext<RealtimeContextValue | null>(null);

export function useRealtime(): RealtimeContextValue {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return value;
}
