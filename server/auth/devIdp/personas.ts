import type { Discipline, Role } from '../../../shared/dto/member.js';

/** A person the development IdP can sign in as; the demo seeder reads roles and approval from here. */
export interface DevPersona {
  id: string;
  /** Shown on the persona picker. */
  description: string;
  nameId: string;
  email: string;
  givenName: string;
  surname: string;
  /** The registry code sent as the task force attribute. */
  taskForceCode: string;
  discipline: Discipline;
  agency: string;
  demoRole: Role;
  /** Whether the demo data registers this persona as an already approved, active member. */
  demoPreApproved: boolean;
}

const persona = (p: Omit<DevPersona, 'nameId' | 'email'>): DevPersona => ({
  ...p,
  nameId: `persona:${p.id}`,
  email: `${p.id}@demo.taskforce.test`,
});

export const devPersonas: readonly DevPersona[] = Object.freeze([
  persona({
    id: 'member-a',
    description: 'Member of demo task force A (law enforcement)',
    givenName: 'Alex',
    surname: 'Rivera',
    taskForceCode: 'DEMO-A',
    discipline: 'law_enforcement',
    agency: 'Metro Police Department',
    demoRole: 'member',
    demoPreApproved: true,
  }),
  persona({
    id: 'member-b',
    description: 'Member of demo task force B (victim services)',
    givenName: 'Blair',
    surname: 'Chen',
    taskForceCode: 'DEMO-B',
    discipline: 'victim_services',
    agency: 'Harbor Survivor Services',
    demoRole: 'member',
    demoPreApproved: true,
  }),
  persona({
    id: 'coordinator-a',
    description: 'Coordinator of demo task force A (prosecution)',
    givenName: 'Casey',
    surname: 'Morgan',
    taskForceCode: 'DEMO-A',
    discipline: 'prosecution',
    agency: "County Prosecutor's Office",
    demoRole: 'coordinator',
    demoPreApproved: true,
  }),
  persona({
    id: 'coordinator-b',
    description: 'Coordinator of demo task force B (law enforcement)',
    givenName: 'Dana',
    surname: 'Brooks',
    taskForceCode: 'DEMO-B',
    discipline: 'law_enforcement',
    agency: 'State Bureau of Investigation',
    demoRole: 'coordinator',
    demoPreApproved: true,
  }),
  persona({
    id: 'moderator',
    description: 'Moderator on the TTA provider staff',
    givenName: 'Morgan',
    surname: 'Ellis',
    taskForceCode: 'TTA-STAFF',
    discipline: 'other',
    agency: 'National TTA Provider',
    demoRole: 'moderator',
    demoPreApproved: true,
  }),
  persona({
    id: 'admin',
    description: 'Site administrator on the TTA provider staff',
    givenName: 'Avery',
    surname: 'Patel',
    taskForceCode: 'TTA-STAFF',
    discipline: 'other',
    agency: 'National TTA Provider',
    demoRole: 'admin',
    demoPreApproved: true,
  }),
  persona({
    id: 'newcomer-b',
    description: 'New to demo task force B, which requires approval',
    givenName: 'Noah',
    surname: 'Kim',
    taskForceCode: 'DEMO-B',
    discipline: 'law_enforcement',
    agency: 'Harbor City Police',
    demoRole: 'member',
    demoPreApproved: false,
  }),
  persona({
    id: 'outsider',
    description: 'Known to the IdP but in no funded task force (is refused)',
    givenName: 'Olivia',
    surname: 'Grant',
    taskForceCode: 'NOT-FUNDED',
    discipline: 'other',
    agency: 'Unaffiliated Consulting LLC',
    demoRole: 'member',
    demoPreApproved: false,
  }),
]);

export type DevPersonaId = 'member-a' | 'member-b' | 'coordinator-a' | 'coordinator-b' | 'moderator' | 'admin' | 'newcomer-b' | 'outsider';

export const findPersona = (id: string): DevPersona | undefined => devPersonas.find((p) => p.id === id);
