import type { Page, Request } from 'playwright-core';
import type { MemberDto } from '../../shared/dto/member.js';

/** A member as GET /api/me returns it; override what a test is about. */
export function buildSessionMember(overrides: Partial<MemberDto> = {}): MemberDto {
  return {
    id: 'member-1',
    displayName: 'Jordan Ellison',
    email: 'jordan.ellison@example.test',
    role: 'member',
    status: 'active',
    discipline: 'victim_services',
    agency: 'Harbor County Victim Services',
    taskForce: { id: 'tf-1', code: 'HARBOR', name: 'Harbor County Human Trafficking Task Force', kind: 'task_force' },
    ...overrides,
  };
}

export interface MockedSession {
  /** Who /api/me reports; null answers 401. Tests may change it mid-test. */
  member: MemberDto | null;
  /** A status to answer /api/me with instead (e.g. 503), for outage tests. */
  failWithStatus?: number;
  csrfToken: string;
  logoutRequests: Request[];
}

/** Answers /api/me and /auth/logout in the page the way the server does, and records the logout requests. */
export async function mockSessionApi(page: Page, member: MemberDto | null): Promise<MockedSession> {
  const session: MockedSession = { member, csrfToken: `csrf-${Math.random().toString(36).slice(2)}`, logoutRequests: [] };

  await page.route('**/api/me', (route) => {
    if (session.failWithStatus) {
      return route.fulfill({
        status: session.failWithStatus,
        json: { error: { code: 'unavailable', message: 'The service is starting up. Try again in a moment.', details: [] } },
      });
    }
    if (!session.member) {
      return route.fulfill({ status: 401, json: { error: { code: 'unauthenticated', message: 'Sign in first.', details: [] } } });
    }
    return route.fulfill({ json: { user: session.member, csrfToken: session.csrfToken } });
  });

  await page.route('**/auth/logout', (route) => {
    session.logoutRequests.push(route.request());
    if (route.request().headers()['x-csrf-token'] !== session.csrfToken) {
      return route.fulfill({ status: 403, json: { error: { code: 'csrf', message: 'Missing CSRF token.', details: [] } } });
    }
    session.member = null;
    return route.fulfill({ status: 204 });
  });

  return session;
}
