import type { MemberDto } from '../../../shared/dto/member.js';
import { NotificationBell } from '../features/notifications/NotificationBell.js';
import { SignOutButton } from './SignOutButton.js';
import './AccountSummary.css';

/** Who is signed in and for which task force, their notifications, and the way out. */
export function AccountSummary({ user }: { user: MemberDto }) {
  return (
    <div className="account-summary">
      <p className="account-summary__identity">
        <span className="visually-hidden">Signed in as </span>
        <span className="account-summary__name" data-testid="member-name">
          {user.displayName}
        </span>
        <span className="visually-hidden">, </span>
        <span className="account-summary__task-force" data-testid="member-task-force">
          {user.taskForce?.name ?? 'No task force on record'}
        </span>
      </p>
      <NotificationBell />
      <SignOutButton />
    </div>
  );
}
