import { absoluteTime, relativeTime } from '../lib/relativeTime.js';

/** A relative time ("5 minutes ago") whose machine-readable instant is in dateTime and exact time in the title. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} title={absoluteTime(iso)} className={className}>
      {relativeTime(iso)}
    </time>
  );
}
