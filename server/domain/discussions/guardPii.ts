import { AppError } from '../../errors.js';
import { detectPii } from '../../../shared/pii/detectPii.js';

/**
 * Refuses text with likely victim-identifying details (422 `pii_warning`, with the spans per field) unless the
 * member confirmed it. Details carry offsets and kinds only, never the matched text, so nothing leaks into logs.
 */
export function guardPii(fields: Record<string, string | undefined>, acknowledged: boolean | undefined): void {
  if (acknowledged) return;
  const details = Object.entries(fields).flatMap(([field, text]) =>
    text === undefined ? [] : detectPii(text).map((m) => ({ path: `body.${field}`, message: `possible ${m.kind.replace(/_/g, ' ')}`, kind: m.kind, start: m.start, end: m.end })),
  );
  if (details.length) {
    throw new AppError('pii_warning', 'This may identify a victim. Edit it, or confirm with acknowledgePii.', details);
  }
}
