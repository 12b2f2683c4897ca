/**
 * In-app routing through the URL hash. The LMS owns the frame's history and reloads it at will, so
 * the hash keeps the place across reloads without a router library or server routes.
 */

export const WORKSPACE_TABS = [
  'goals',
  'clips',
  'prompts',
  'conversations',
  'requests',
  'evaluations',
  'export',
] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

export const PROGRAM_SECTIONS = ['partnerships', 'roster', 'checkpoints', 'report'] as const;
export type ProgramSection = (typeof PROGRAM_SECTIONS)[number];

export type Route =
  | { name: 'home' }
  | { name: 'connect' }
  | { name: 'notifications' }
  | { name: 'workspace'; partnershipId: string; tab: WorkspaceTab }
  | { name: 'prepare'; partnershipId: string }
  | { name: 'program'; section: ProgramSection };

const isOneOf = <T extends string>(list: readonly T[], v: string | undefined): v is T => list.includes(v as T);

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (first === 'connect') return { name: 'connect' };
  if (first === 'notifications') return { name: 'notifications' };
  if (first === 'program')
    return { name: 'program', section: isOneOf(PROGRAM_SECTIONS, second) ? second : 'partnerships' };
  if (first === 'p' && second) {
    if (third === 'prepare') return { name: 'prepare', partnershipId: second };
    return { name: 'workspace', partnershipId: second, tab: isOneOf(WORKSPACE_TABS, third) ? third : 'goals' };
  }
  return { name: 'home' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'connect':
      return '#/connect';
    case 'notifications':
      return '#/notifications';
    case 'program':
      return `#/program/${route.section}`;
    case 'workspace':
      return `#/p/${encodeURIComponent(route.partnershipId)}/${route.tab}`;
    case 'prepare':
      return `#/p/${encodeURIComponent(route.partnershipId)}/prepare`;
  }
}
