import {
  type ConnectionHealthView,
  type ConnectionProblem,
  type ConnectionSite,
  REFUSALS,
  type Refusal,
  type StaffConnectionRow,
} from '../../../schema/connection-health-api';
import type { ClientHealthInput } from './read';
import { assessConnection, type HealthProblem, problemKey } from './rules';

/** What the health views answer, from what was read. Pure. */

const isRefusal = (error: string | null): error is Refusal => REFUSALS.includes(error as Refusal);

export function problemView(problem: HealthProblem): ConnectionProblem {
  const key = problemKey(problem);
  if (problem.kind === 'quiet') return { ...problem, key, lastLeadAt: problem.lastLeadAt.toISOString() };
  return { ...problem, key, lastAt: problem.lastAt.toISOString() };
}

/** The window's requests per site, the sites that sent leads first, then by their latest request. */
function sitesOf({ client, input }: ClientHealthInput): ConnectionSite[] {
  const sites = new Map<string | null, ConnectionSite>();
  for (const request of input.requests) {
    const site = sites.get(request.origin) ?? {
      origin: request.origin,
      allowed: request.origin !== null && client.allowedOrigins.includes(request.origin),
      accepted: 0,
      refused: Object.fromEntries(REFUSALS.map((refusal) => [refusal, 0])) as Record<Refusal, number>,
      lastAcceptedAt: null,
      lastRequestAt: request.at.toISOString(),
    };
    const at = request.at.toISOString();
    if (request.error === null) {
      site.accepted += request.count;
      if (site.lastAcceptedAt === null || at > site.lastAcceptedAt) site.lastAcceptedAt = at;
    } else if (isRefusal(request.error)) {
      site.refused[request.error] += request.count;
    }
    if (at > site.lastRequestAt) site.lastRequestAt = at;
    sites.set(request.origin, site);
  }
  return [...sites.values()].sort((a, b) => b.accepted - a.accepted || b.lastRequestAt.localeCompare(a.lastRequestAt));
}

export function healthView(read: ClientHealthInput, windowDays: number): ConnectionHealthView {
  const report = assessConnection(read.input);
  const problems = report.problems.map(problemView);
  const refusals = read.input.requests.some((request) => request.error !== null);
  return {
    status: problems.length > 0 ? 'problems' : report.usualGapHours === null && !refusals ? 'no_history' : 'ok',
    problems,
    lastLeadAt: report.lastLeadAt?.toISOString() ?? null,
    usualGapHours: report.usualGapHours,
    windowDays,
    sites: sitesOf(read),
  };
}

/** How badly a client needs help: a form that cannot send beats a quiet one, which beats refused submissions. */
const NEED: Record<ConnectionProblem['kind'], number> = {
  refused_origin: 3,
  old_key: 3,
  quiet: 2,
  rate_limited: 1,
  invalid_submissions: 1,
};

export function staffRow(read: ClientHealthInput, windowDays: number): StaffConnectionRow {
  const health = healthView(read, windowDays);
  return {
    clientId: read.client.id,
    businessName: read.client.businessName,
    email: read.client.email,
    language: read.client.language,
    isTest: read.client.isTest,
    need: Math.max(0, ...health.problems.map((problem) => NEED[problem.kind])),
    health,
  };
}

// Sorts after every ISO time: a client with no lead yet is new, not silent.
const NEVER = '\uffff';

const refusedCount = (row: StaffConnectionRow) =>
  row.health.problems.reduce((sum, problem) => sum + ('count' in problem ? problem.count : 0), 0);

/**
 * Who needs help first: by need, then by how many requests were refused, then the longest
 * silent first (a client never heard from last), then by name.
 */
export function byNeed(a: StaffConnectionRow, b: StaffConnectionRow): number {
  return (
    b.need - a.need ||
    refusedCount(b) - refusedCount(a) ||
    (a.health.lastLeadAt ?? NEVER).localeCompare(b.health.lastLeadAt ?? NEVER) ||
    a.businessName.localeCompare(b.businessName)
  );
}
