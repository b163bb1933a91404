import type { MemberDto, Role } from '../../../../shared/dto/member.js';
import { humanize } from '../../lib/humanize.js';

const roleLabels: Record<Role, string> = {
  member: 'Member',
  coordinator: 'Task force coordinator',
  moderator: 'Moderator',
  admin: 'Site administrator',
};

/** The member's own standing, as the registry knows it. */
export function MembershipCard({ user }: { user: MemberDto }) {
  return (
    <aside className="membership-card" aria-labelledby="membership-heading">
      <h2 id="membership-heading" className="membership-card__heading">
        Your membership
      </h2>
      <dl className="membership-card__facts">
        <div>
          <dt>Task force</dt>
          <dd>{user.taskForce?.name ?? 'No task force on record'}</dd>
        </div>
        <div>
          <dt>Agency</dt>
          <dd>{user.agency || 'Not provided'}</dd>
        </div>
        <div>
          <dt>Discipline</dt>
          <dd>{humanize(user.discipline) || 'Not provided'}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{roleLabels[user.role]}</dd>
        </div>
      </dl>
    </aside>
  );
}
