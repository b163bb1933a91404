import { humanize } from '../../lib/humanize.js';
import type { MentionAutocomplete } from './useMentions.js';

/** The listbox of member suggestions under the textarea; options are chosen by pointer or by the textarea's keys. */
export function MentionList({ id, mentions }: { id: string; mentions: MentionAutocomplete }) {
  const count = mentions.suggestions.length;
  return (
    <>
      <p className="visually-hidden" role="status">
        {mentions.open ? `${count} member${count === 1 ? '' : 's'} found. Up and down arrows to choose, Enter to insert.` : ''}
      </p>
      {mentions.open && (
        <ul id={id} role="listbox" aria-label="Members to mention" className="mention-list">
          {mentions.suggestions.map((member, index) => (
            <li
              key={member.id}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === mentions.activeIndex}
              className="mention-list__option"
              // Keeps focus in the textarea: the choice is applied on mousedown, before the blur would close the list.
              onMouseDown={(event) => {
                event.preventDefault();
                mentions.choose(index);
              }}
            >
              <span className="mention-list__name">{member.displayName}</span>{' '}
              <span className="mention-list__meta">
                @{member.handle}
                {member.taskForceName ? ` · ${member.taskForceName}` : ''}
                {member.discipline ? ` · ${humanize(member.discipline)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
