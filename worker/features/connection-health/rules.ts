/**
 * Whether a client's form still reaches Avenir, from what its requests and leads say. Pure:
 * the caller reads integration_logs and the client's leads; this names the problems a
 * person must act on, each with the evidence behind it, so one problem is told once and a
 * banner, an email and the staff's list all say the same thing.
 *
 * The rules, as the README documents them ("Connection health"):
 * - **Refused site**: requests refused for their origin, at least `REFUSED_MIN` of them in
 *   the window, from an origin the form still does not allow. It names the origin, so "allow this site" can add
 *   it after the client confirms.
 * - **Old key**: requests signed with a key that is no longer the client's (rotated or
 *   revoked), at least `REFUSED_MIN` in the window: a page still carries the old snippet.
 * - **Rate limited**, **invalid submissions**: at least `REFUSED_MIN` refusals of that kind
 *   and at least `REFUSED_SHARE` of the window's submissions that reached the form's checks
 *   (accepted, rate limited or invalid): a form that breaks, not a visitor's typo.
 * - **Quiet**: no lead for longer than `QUIET_FACTOR` times the client's usual gap
 *   between leads (the median over the history, at least `QUIET_MIN_LEADS` leads in it),
 *   and never less than `QUIET_MIN_HOURS`: a business that gets a lead a day is told after
 *   three silent days; one that gets one a week, after three weeks.
 */

export const REFUSED_MIN = 3;
export const REFUSED_SHARE = 0.2;
export const QUIET_FACTOR = 3;
export const QUIET_MIN_LEADS = 8;
export const QUIET_MIN_HOURS = 48;

/**
 * Requests of the client's form that the integration log kept alike (same refusal, origin and
 * key prefix): `count` of them, the latest at `at`. One request is a group of one.
 */
export interface LoggedRequest {
  at: Date;
  count: number;
  status: number;
  /** The refusal's code (`origin_not_allowed`, `invalid_key`, `rate_limited`, `invalid_lead`); null when accepted. */
  error: string | null;
  origin: string | null;
  /** The key's prefix: never the whole key. */
  keyPrefix: string | null;
}

export interface HealthInput {
  now: Date;
  /** The requests of the window looked at (the caller's choice, typically 7 days). */
  requests: readonly LoggedRequest[];
  /** The prefix of the client's current key. */
  currentKeyPrefix: string;
  /** The sites the form allows now: one allowed since its refusals is no longer a problem. */
  allowedOrigins: readonly string[];
  /** When its leads arrived, any order, test leads left out. */
  leadTimes: readonly Date[];
}

export type HealthProblem =
  | { kind: 'refused_origin'; origin: string; count: number; lastAt: Date }
  | { kind: 'old_key'; keyPrefix: string; count: number; lastAt: Date }
  | { kind: 'rate_limited'; count: number; lastAt: Date }
  | { kind: 'invalid_submissions'; count: number; lastAt: Date }
  | { kind: 'quiet'; lastLeadAt: Date; usualGapHours: number; silentHours: number };

export interface HealthReport {
  problems: HealthProblem[];
  lastLeadAt: Date | null;
  /** The median gap between leads, in hours; null with too short a history. */
  usualGapHours: number | null;
}

const HOUR_MS = 3_600_000;

/**
 * A stable key per problem: the same problem found again is the same key, so it is told
 * once. A site or an old key is told once for good; a quiet spell once per spell (its last
 * lead); refusals too fast or invalid, which have no name of their own, once per UTC month
 * of the latest one, so a form still failing next month is told again.
 */
export function problemKey(problem: HealthProblem): string {
  switch (problem.kind) {
    case 'refused_origin':
      return `refused_origin:${problem.origin}`;
    case 'old_key':
      return `old_key:${problem.keyPrefix}`;
    case 'quiet':
      return `quiet:${problem.lastLeadAt.toISOString()}`;
    case 'rate_limited':
    case 'invalid_submissions':
      return `${problem.kind}:${problem.lastAt.toISOString().slice(0, 7)}`;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Requests grouped by a key, with their count and latest time. */
function tally(requests: readonly LoggedRequest[], keyOf: (request: LoggedRequest) => string | null) {
  const groups = new Map<string, { count: number; lastAt: Date }>();
  for (const request of requests) {
    const key = keyOf(request);
    if (key === null) continue;
    const group = groups.get(key) ?? { count: 0, lastAt: request.at };
    group.count += request.count;
    if (request.at > group.lastAt) group.lastAt = request.at;
    groups.set(key, group);
  }
  return groups;
}

export function assessConnection(input: HealthInput): HealthReport {
  const problems: HealthProblem[] = [];
  const { requests } = input;
  const submissions = requests
    .filter((r) => r.error === null || r.error === 'rate_limited' || r.error === 'invalid_lead')
    .reduce((sum, r) => sum + r.count, 0);

  for (const [origin, group] of tally(requests, (r) => (r.error === 'origin_not_allowed' ? (r.origin ?? '') : null))) {
    if (origin && group.count >= REFUSED_MIN && !input.allowedOrigins.includes(origin)) {
      problems.push({ kind: 'refused_origin', origin, ...group });
    }
  }
  const oldKey = (r: LoggedRequest) =>
    r.keyPrefix && r.keyPrefix !== input.currentKeyPrefix && (r.error === 'invalid_key' || r.error === null)
      ? r.keyPrefix
      : null;
  for (const [keyPrefix, group] of tally(requests, oldKey)) {
    if (group.count >= REFUSED_MIN) problems.push({ kind: 'old_key', keyPrefix, ...group });
  }
  for (const [error, kind] of [
    ['rate_limited', 'rate_limited'],
    ['invalid_lead', 'invalid_submissions'],
  ] as const) {
    const group = tally(requests, (r) => (r.error === error ? error : null)).get(error);
    if (group && group.count >= REFUSED_MIN && group.count / submissions >= REFUSED_SHARE) {
      problems.push({ kind, ...group });
    }
  }

  const times = [...input.leadTimes].map((time) => time.getTime()).sort((a, b) => a - b);
  const lastLeadAt = times.length > 0 ? new Date(times[times.length - 1]!) : null;
  const gaps = times.slice(1).map((time, index) => (time - times[index]!) / HOUR_MS);
  const usualGapHours = times.length >= QUIET_MIN_LEADS ? median(gaps) : null;
  if (lastLeadAt && usualGapHours !== null) {
    const silentHours = (input.now.getTime() - lastLeadAt.getTime()) / HOUR_MS;
    if (silentHours > Math.max(QUIET_FACTOR * usualGapHours, QUIET_MIN_HOURS)) {
      problems.push({ kind: 'quiet', lastLeadAt, usualGapHours, silentHours });
    }
  }
  return { problems, lastLeadAt, usualGapHours };
}
