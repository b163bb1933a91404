import { useMemo } from 'react';
import { splitByTerms } from './highlight.js';

/** Plain text with the searched words in `<mark>`; React escapes every part, so a snippet can never inject markup. */
export function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  const parts = useMemo(() => splitByTerms(text, terms), [text, terms]);
  return (
    <>
      {parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}
