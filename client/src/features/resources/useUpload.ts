import { useCallback, useEffect, useRef, useState } from 'react';
import type { UploadHandle, UploadProgress } from '../../api/resources.js';
import { isAbort } from '../../api/resources.js';

export type UploadPhase =
  | { phase: 'idle' }
  | { phase: 'uploading'; loaded: number; total: number }
  | { phase: 'checking' }
  | { phase: 'done' }
  | { phase: 'cancelled' };

type Start<T> = (callbacks: { onProgress(progress: UploadProgress): void; onSent(): void }) => UploadHandle<T>;

export interface Upload {
  state: UploadPhase;
  busy: boolean;
  /** Runs one upload; resolves to the server's answer, or null when the member cancelled. Refusals reject. */
  run<T>(start: Start<T>): Promise<T | null>;
  cancel(): void;
  reset(): void;
}

/** The state of one upload at a time, for the progress bar and its spoken status; cancels itself on unmount. */
export function useUpload(): Upload {
  const [state, setState] = useState<UploadPhase>({ phase: 'idle' });
  const cancelRef = useRef<(() => void) | null>(null);

  useEffect(() => () => cancelRef.current?.(), []);

  const run = useCallback(async <T,>(start: Start<T>): Promise<T | null> => {
    setState({ phase: 'uploading', loaded: 0, total: 1 });
    const handle = start({
      onProgress: ({ loaded, total }) => setState({ phase: 'uploading', loaded, total }),
      onSent: () => setState({ phase: 'checking' }),
    });
    cancelRef.current = handle.cancel;
    try {
      const answer = await handle.done;
      setState({ phase: 'done' });
      return answer;
    } catch (error) {
      if (isAbort(error)) {
        setState({ phase: 'cancelled' });
        return null;
      }
      setState({ phase: 'idle' });
      throw error;
    } finally {
      cancelRef.current = null;
    }
  }, []);

  const cancel = useCallback(() => cancelRef.current?.(), []);
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  const busy = state.phase === 'uploading' || state.phase === 'checking';
  return { state, busy, run, cancel, reset };
}

/** Whole percent sent, 0–100. */
export const percentOf = (state: UploadPhase): number =>
  state.phase === 'uploading' ? Math.min(100, Math.floor((state.loaded / Math.max(1, state.total)) * 100)) : state.phase === 'idle' || state.phase === 'cancelled' ? 0 : 100;
