import { createContext, useContext } from 'react';

/** Speaks a short message through the app's polite live region (screen readers read it without moving focus). */
export type Announce = (message: string) => void;

export const AnnouncerContext = createContext<Announce>(() => undefined);

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}
