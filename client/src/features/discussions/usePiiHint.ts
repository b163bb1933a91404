import { useEffect, useState } from 'react';
import { detectPii } from '../../../../shared/pii/detectPii.js';
import { humanize } from '../../lib/humanize.js';

/**
 * A coaching hint while the member types: the shared detector runs once typing pauses, and the hint names what it
 * saw. It never blocks posting; the server decides and answers `pii_warning` if needed.
 */
export function usePiiHint(text: string, delayMs = 400): string {
  const [hint, setHint] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const kinds = [...new Set(detectPii(text).map((m) => humanize(m.kind).toLowerCase()))];
      setHint(kinds.length ? `This may contain a ${kinds.join(', ')}. Leave out details that could identify a victim.` : '');
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [text, delayMs]);
  return hint;
}
