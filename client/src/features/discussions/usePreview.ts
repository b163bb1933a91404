import { useEffect, useState } from 'react';
import { ApiError } from '../../api/http.js';
import { previewBody } from '../../api/discussions.js';

export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; bodyHtml: string }
  | { status: 'unavailable'; message: string };

/** Asks the server to render the draft while the Preview tab is shown, so the preview is what will be stored. */
export function usePreview(body: string, active: boolean): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setState({ status: 'loading' });
      previewBody(body, controller.signal).then(
        ({ bodyHtml }) => setState({ status: 'ready', bodyHtml }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const missing = error instanceof ApiError && error.status === 404;
          setState({
            status: 'unavailable',
            message: missing
              ? 'Preview is not available yet. Your Markdown will be formatted when you post.'
              : 'The preview could not be loaded. Your text is safe; try again or post it.',
          });
        },
      );
    }, 0);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [body, active]);
  return state;
}
