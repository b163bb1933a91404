export const roles = ['member', 'coordinator', 'moderator', 'admin'] as const;
export type Role = (typeof roles)[number];

export const memberStatuses = ['pending', 'active', 'suspended'] as const;
export type MemberStatus = (typeof memberStatuses)[number];

export const disciplines = ['law_enforcement', 'prosecution', 'victim_services', 'other'] as const;
export type Discipline = (typeof disciplines)[number];

export interface TaskForceSummaryDto {
  id: string;
  code: string;
  name: string;
  kind: 'task_force' | 'staff';
}

/** The signed-in member as `GET /api/me` returns it. */
export interface MemberDto {
  id: string;
  displayName: string;
  email: string;
  role: Role;
  status: MemberStatus;
  discipline: Discipline;
  agency: string;
  taskForce: TaskForceSummaryDto | null;
}

export interface MeResponse {
  user: MemberDto;
  csrfToken: string;
}
