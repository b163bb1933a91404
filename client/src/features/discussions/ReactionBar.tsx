import type { PostDto, ReactionKind } from '../../../../shared/dto/discussion.js';
import { reactionKinds } from '../../../../shared/dto/discussion.js';

// Words, not emoji: they read the same in every screen reader and need no emoji font.
const reactionLabels: Record<ReactionKind, string> = { like: 'Like', thanks: 'Thanks', insightful: 'Insightful', support: 'Support' };

/** Toggle buttons for the fixed reaction set; each says its name and count, and aria-pressed says if it is yours. */
export function ReactionBar({ post, onToggle }: { post: PostDto; onToggle(reaction: ReactionKind): void }) {
  const counts = new Map(post.reactions.map((r) => [r.reaction, r]));
  const canReact = post.abilities.canReact;
  const shown = reactionKinds.filter((kind) => canReact || (counts.get(kind)?.count ?? 0) > 0);
  if (!shown.length) return null;
  return (
    <ul className="reaction-bar" aria-label="Reactions">
      {shown.map((kind) => {
        const label = reactionLabels[kind];
        const count = counts.get(kind)?.count ?? 0;
        const mine = counts.get(kind)?.mine ?? false;
        return (
          <li key={kind}>
            {canReact ? (
              <button type="button" className="reaction" aria-pressed={mine} onClick={() => onToggle(kind)}>
                {label}{' '}
                {count > 0 && <span className="reaction__count">{count}</span>}
              </button>
            ) : (
              <span className="reaction reaction--static">
                {label}{' '}
                {count > 0 && <span className="reaction__count">{count}</span>}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
