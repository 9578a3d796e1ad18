import { describe, expect, it } from 'vitest';
import {
  assessConnection,
  type HealthInput,
  type LoggedRequest,
  problemKey,
} from '../../../worker/features/connection-health/rules';

/**
 * The connection-health rules on recorded request histories: a site the form is pasted on
 * but not allowed, a page still carrying the key rotated away, a quiet week after busy
 * ones, and what must not raise an alarm (a visitor's typo, a slow trade's usual silence).
 */

const now = new Date('2026-12-04T15:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const CURRENT = 'av_live_9f3';

const accepted = (hours: number, overrides: Partial<LoggedRequest> = {}): LoggedRequest => ({
  at: hoursAgo(hours),
  count: 1,
  status: 201,
  error: null,
  origin: 'https://plomberie-gagnon.ca',
  keyPrefix: CURRENT,
  ...overrides,
});
const refused = (hours: number, status: number, error: string, overrides: Partial<LoggedRequest> = {}) =>
  accepted(hours, { status, error, ...overrides });

/** A lead every `everyHours`, for `count` leads, the latest `lastHoursAgo` ago. */
const leadsEvery = (everyHours: number, count: number, lastHoursAgo: number) =>
  Array.from({ length: count }, (_, index) => hoursAgo(lastHoursAgo + index * everyHours));

const input = (overrides: Partial<HealthInput>): HealthInput => ({
  now,
  requests: [],
  currentKeyPrefix: CURRENT,
  allowedOrigins: ['https://plomberie-gagnon.ca'],
  leadTimes: leadsEvery(20, 40, 2),
  ...overrides,
});

describe('connection health', () => {
  it('names a site the form is pasted on but not allowed, with its origin, once past the threshold', () => {
    const report = assessConnection(
      input({
        requests: [
          ...[1, 5, 9, 30, 50].map((hours) =>
            refused(hours, 403, 'origin_not_allowed', { origin: 'https://www.plomberie-gagnon.ca' }),
          ),
          // Two from a stranger's test page: not a pattern yet.
          ...[3, 4].map((hours) => refused(hours, 403, 'origin_not_allowed', { origin: 'https://codepen.io' })),
          accepted(2),
        ],
      }),
    );
    expect(report.problems).toEqual([
      { kind: 'refused_origin', origin: 'https://www.plomberie-gagnon.ca', count: 5, lastAt: hoursAgo(1) },
    ]);
  });

  it('lets a refused site go once the client allows it, its past refusals still counted on the site', () => {
    const requests = [1, 2, 3].map((hours) =>
      refused(hours, 403, 'origin_not_allowed', { origin: 'https://www.plomberie-gagnon.ca' }),
    );
    expect(assessConnection(input({ requests })).problems).toHaveLength(1);
    const allowed = ['https://plomberie-gagnon.ca', 'https://www.plomberie-gagnon.ca'];
    expect(assessConnection(input({ requests, allowedOrigins: allowed })).problems).toEqual([]);
  });

  it('finds a page still signing with the key that was rotated away, even while the old key still worked', () => {
    const report = assessConnection(
      input({
        requests: [
          accepted(40, { keyPrefix: 'av_old_1c2' }), // cached for a minute after the rotation: accepted
          ...[30, 20, 6].map((hours) => refused(hours, 401, 'invalid_key', { keyPrefix: 'av_old_1c2' })),
          accepted(3),
        ],
      }),
    );
    expect(report.problems).toEqual([{ kind: 'old_key', keyPrefix: 'av_old_1c2', count: 4, lastAt: hoursAgo(6) }]);
  });

  it('says a busy form went quiet after three of its usual gaps, and not before', () => {
    // About a lead a day for six weeks, then a silent week.
    const busy = leadsEvery(22, 45, 7 * 24);
    const quiet = assessConnection(input({ leadTimes: busy }));
    expect(quiet.usualGapHours).toBe(22);
    expect(quiet.problems).toEqual([
      { kind: 'quiet', lastLeadAt: hoursAgo(7 * 24), usualGapHours: 22, silentHours: 7 * 24 },
    ]);
    // Two usual gaps of silence is a slow day, not a broken form.
    expect(assessConnection(input({ leadTimes: leadsEvery(22, 45, 44) })).problems).toEqual([]);
  });

  it('waits longer for a trade whose leads come weekly, and says nothing with too short a history', () => {
    expect(assessConnection(input({ leadTimes: leadsEvery(7 * 24, 12, 10 * 24) })).problems).toEqual([]);
    expect(assessConnection(input({ leadTimes: leadsEvery(7 * 24, 12, 22 * 24) })).problems).toMatchObject([
      { kind: 'quiet' },
    ]);
    const short = assessConnection(input({ leadTimes: leadsEvery(2, 5, 30 * 24) }));
    expect(short.usualGapHours).toBeNull();
    expect(short.problems).toEqual([]);
  });

  it('takes refused submissions for a broken form only when they are a real share of its requests', () => {
    const visitors = Array.from({ length: 60 }, (_, index) => accepted(index + 1));
    const typos = [2, 9, 15].map((hours) => refused(hours, 422, 'invalid_lead'));
    expect(assessConnection(input({ requests: [...visitors, ...typos] })).problems).toEqual([]);
    const broken = [...visitors.slice(0, 8), ...[1, 2, 3, 4].map((hours) => refused(hours, 422, 'invalid_lead'))];
    expect(assessConnection(input({ requests: broken })).problems).toEqual([
      { kind: 'invalid_submissions', count: 4, lastAt: hoursAgo(1) },
    ]);
  });

  it('counts a grouped row as its requests, and pages refused for their site not as submissions', () => {
    const grouped = [accepted(1, { count: 12 }), refused(2, 422, 'invalid_lead', { count: 4 })];
    expect(assessConnection(input({ requests: grouped })).problems).toEqual([
      { kind: 'invalid_submissions', count: 4, lastAt: hoursAgo(2) },
    ]);
    // 40 page loads on a site that is not allowed never reached the form's checks: the share stays 4 in 16.
    const withLoads = [
      ...grouped,
      refused(3, 403, 'origin_not_allowed', { count: 40, origin: 'https://boutique.plomberie-gagnon.ca' }),
    ];
    expect(assessConnection(input({ requests: withLoads })).problems.map((problem) => problem.kind)).toEqual([
      'refused_origin',
      'invalid_submissions',
    ]);
  });

  it('keys a problem found again the same way, so it is told once', () => {
    const requests = [1, 2, 3].map((hours) =>
      refused(hours, 403, 'origin_not_allowed', { origin: 'https://www.plomberie-gagnon.ca' }),
    );
    const first = assessConnection(input({ requests })).problems.map(problemKey);
    const later = assessConnection(
      input({
        requests: [
          ...requests,
          refused(0.5, 403, 'origin_not_allowed', {
            origin: 'https://www.plomberie-gagnon.ca',
          }),
        ],
      }),
    ).problems.map(problemKey);
    expect(later).toEqual(first);
    expect(first).toEqual(['refused_origin:https://www.plomberie-gagnon.ca']);
  });

  it('tells refusals without a name of their own again a month later, not every hour', () => {
    const key = (lastAt: string) => problemKey({ kind: 'rate_limited', count: 5, lastAt: new Date(lastAt) });
    expect(key('2026-11-03T10:00:00Z')).toBe(key('2026-11-29T23:59:00Z'));
    expect(key('2026-12-01T00:00:00Z')).not.toBe(key('2026-11-29T23:59:00Z'));
    expect(problemKey({ kind: 'invalid_submissions', count: 4, lastAt: new Date('2026-11-03T10:00:00Z') })).toBe(
      'invalid_submissions:2026-11',
    );
  });
});
