import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import type { PiiSpan } from '../../api/discussions.js';
import { humanize } from '../../lib/humanize.js';

interface PiiWarningProps {
  id: string;
  /** The submitted text of each field, by field name (`body`, `title`). */
  texts: Record<string, string>;
  spans: PiiSpan[];
  sending: boolean;
  onEdit(): void;
  onPostAnyway(): void;
}

const kindLabel = (kind: string) => humanize(kind).toLowerCase();

/** The text split into plain runs and `<mark>`ed runs; overlapping spans are merged into one mark. */
function highlight(text: string, spans: PiiSpan[]): ReactNode[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number; kinds: string[] }[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      if (!last.kinds.includes(span.kind)) last.kinds.push(span.kind);
    } else merged.push({ start: span.start, end: span.end, kinds: [span.kind] });
  }
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const run of merged) {
    if (run.start > cursor) parts.push(text.slice(cursor, run.start));
    parts.push(
      <mark key={run.start}>
        <span className="visually-hidden">(possible {run.kinds.map(kindLabel).join(' and ')}: </span>
        {text.slice(run.start, run.end)}
        <span className="visually-hidden">)</span>
      </mark>,
    );
    cursor = Math.max(cursor, run.end);
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return parts;
}

/**
 * The server's `pii_warning`: the submitted text with the matched spans marked, and the two ways on. It takes focus
 * when it appears, because it answers the member's own Post press and nothing was posted.
 */
export function PiiWarning({ id, texts, spans, sending, onEdit, onPostAnyway }: PiiWarningProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const kinds = [...new Set(spans.map((s) => kindLabel(s.kind)))];
  const fields = Object.keys(texts).filter((field) => spans.some((s) => s.field === field));

  return (
    <div id={id} ref={ref} tabIndex={-1} className="pii-warning" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="pii-warning__title">
        <strong>This may identify a victim.</strong> It looks like it contains: {kinds.join(', ')}.
      </p>
      <p>Leave out names, dates of birth, addresses, phone numbers and case numbers unless they are safe to share.</p>
      {fields.map((field) => (
        <div key={field} className="pii-warning__text">
          {fields.length > 1 && <p className="pii-warning__field">{humanize(field)}</p>}
          <p className="pii-warning__quote">{highlight(texts[field] ?? '', spans.filter((s) => s.field === field))}</p>
        </div>
      ))}
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={onEdit}>
          Edit text
        </button>
        <button type="button" className="button button--secondary" aria-disabled={sending || undefined} onClick={() => !sending && onPostAnyway()}>
          {sending ? 'Posting…' : 'Post anyway'}
        </button>
      </div>
    </div>
  );
}
