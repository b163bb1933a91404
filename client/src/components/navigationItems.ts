/** The primary sections, in navigation order; Home's cards reuse the descriptions. */
export interface NavigationItem {
  path: string;
  label: string;
  description: string;
}

export const navigationItems: NavigationItem[] = [
  {
    path: '/',
    label: 'Home',
    description: 'Your starting point: what is new across the community this week.',
  },
  {
    path: '/discussions',
    label: 'Discussions',
    description: 'Threaded conversations on cases and practice, in the national commons, discipline rooms and your task force’s private space.',
  },
  {
    path: '/spotlights',
    label: 'Spotlights',
    description: 'Each week the TTA team features a task force, a practice, a member or a resource worth knowing.',
  },
  {
    path: '/resources',
    label: 'Resources',
    description: 'Protocols, checklists, templates and training material shared by task forces, private to members.',
  },
  {
    path: '/members',
    label: 'Members',
    description: 'Find counterparts by task force, discipline, region and expertise, and message them directly.',
  },
  {
    path: '/suggestions',
    label: 'Suggestions',
    description: 'Propose what you want to see in the community, vote on ideas and read the team’s answers.',
  },
];
