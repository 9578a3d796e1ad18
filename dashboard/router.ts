/**
 * The screens, each at its own URL under /app. The inbox and the insights keep their
 * filters in the query string; /app with filters (a bookmark from before the home existed)
 * still opens the inbox.
 */
export type Route =
  | { name: 'home' }
  | { name: 'inbox' }
  | { name: 'lead'; id: string }
  | { name: 'activity' }
  | { name: 'insights' }
  | { name: 'settings' }
  | { name: 'clients' }
  | { name: 'staff-learning' }
  | { name: 'staff-prompts' }
  | { name: 'staff-system' }
  | { name: 'staff-translations' }
  | { name: 'staff-prospects' }
  | { name: 'staff-prospect'; id: string }
  | { name: 'staff-import' }
  | { name: 'staff-discovery' }
  | { name: 'staff-form-tests' }
  | { name: 'staff-profile' }
  | { name: 'staff-outreach' }
  | { name: 'staff-outreach-campaign'; id: string }
  | { name: 'staff-outreach-approval' }
  | { name: 'staff-outreach-templates' }
  | { name: 'staff-outreach-suppressions' }
  | { name: 'staff-outreach-industries' }
  | { name: 'design' }
  | { name: 'forgot-password' }
  | { name: 'reset-password' };

export type RouteName = Route['name'];

export const PATHS = {
  home: '/app',
  inbox: '/app/inbox',
  activity: '/app/activity',
  insights: '/app/insights',
  settings: '/app/settings',
  clients: '/app/clients',
  'staff-learning': '/app/staff/learning',
  'staff-prompts': '/app/staff/prompts',
  'staff-system': '/app/staff/system',
  'staff-translations': '/app/staff/translations',
  'staff-prospects': '/app/staff/prospects',
  'staff-import': '/app/staff/prospects/import',
  'staff-discovery': '/app/staff/discovery',
  'staff-form-tests': '/app/staff/form-tests',
  'staff-profile': '/app/staff/profile',
  'staff-outreach': '/app/staff/outreach',
  'staff-outreach-approval': '/app/staff/outreach/approval',
  'staff-outreach-templates': '/app/staff/outreach/templates',
  'staff-outreach-suppressions': '/app/staff/outreach/suppressions',
  'staff-outreach-industries': '/app/staff/outreach/industries',
  design: '/app/design',
  'forgot-password': '/app/forgot-password',
  'reset-password': '/app/reset-password',
} as const satisfies Record<Exclude<RouteName, RouteWithId>, string>;

/** The screens of one thing, named by its id in the address. */
type RouteWithId = 'lead' | 'staff-prospect' | 'staff-outreach-campaign';

export const leadPath = (id: string) => `/app/leads/${encodeURIComponent(id)}`;
/** One prospect of the staff's pool (staff-prospect.tsx). */
export const prospectPath = (id: string) => `${PATHS['staff-prospects']}/${encodeURIComponent(id)}`;
/** One outreach campaign's page (staff-outreach-campaign.tsx). */
export const campaignPath = (id: string) => `${PATHS['staff-outreach']}/campaigns/${encodeURIComponent(id)}`;

/** The screens a visitor who is not signed in may open. */
export const PUBLIC_ROUTES: readonly RouteName[] = ['forgot-password', 'reset-password'];

export function parseRoute(path: string, search = ''): Route {
  const lead = /^\/app\/leads\/([^/]+)\/?$/.exec(path);
  if (lead) {
    try {
      return { name: 'lead', id: decodeURIComponent(lead[1]!) };
    } catch {
      // A broken %-escape names no lead: the lead page says so, as for an unknown id.
      return { name: 'lead', id: lead[1]! };
    }
  }
  const trimmed = path.replace(/\/+$/, '') || PATHS.home;
  // `/app/staff/prospects/import` is the import screen, not a prospect of that id.
  const prospect = /^\/app\/staff\/prospects\/([^/]+)$/.exec(trimmed);
  if (prospect && trimmed !== PATHS['staff-import']) {
    try {
      return { name: 'staff-prospect', id: decodeURIComponent(prospect[1]!) };
    } catch {
      return { name: 'staff-prospect', id: prospect[1]! };
    }
  }
  const campaign = /^\/app\/staff\/outreach\/campaigns\/([^/]+)$/.exec(trimmed);
  if (campaign) {
    try {
      return { name: 'staff-outreach-campaign', id: decodeURIComponent(campaign[1]!) };
    } catch {
      return { name: 'staff-outreach-campaign', id: campaign[1]! };
    }
  }
  for (const [name, routePath] of Object.entries(PATHS) as [Exclude<RouteName, RouteWithId>, string][]) {
    if (trimmed === routePath) return name === 'home' && search.length > 1 ? { name: 'inbox' } : { name };
  }
  return { name: 'home' };
}

/**
 * The navigation entry a screen belongs to: a lead is read from the inbox; a prospect and
 * the CSV import from the prospects, the operator's profile from discovery; every outreach
 * screen (a campaign, the approval queue, the templates…) from outreach.
 */
export const sectionOf = (route: Route): RouteName =>
  route.name === 'lead'
    ? 'inbox'
    : route.name === 'staff-prospect' || route.name === 'staff-import'
      ? 'staff-prospects'
      : route.name === 'staff-profile'
        ? 'staff-discovery'
        : route.name.startsWith('staff-outreach')
          ? 'staff-outreach'
          : route.name;

/**
 * The address of a link the API names by screen and query string (the insights'
 * recommendations, the home's figures): `/app/inbox?urgency=High`.
 */
export const screenLink = (link: { screen: 'inbox' | 'activity' | 'settings'; query: string }) =>
  `${PATHS[link.screen]}${link.query ? `?${link.query.replace(/^\?/, '')}` : ''}`;
