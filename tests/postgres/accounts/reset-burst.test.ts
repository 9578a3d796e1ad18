import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connection, connect } from '../../../scripts/lib/database';
import { requestPasswordReset, resetPassword } from '../../../worker/features/accounts/password-reset';
import { MAX_RESETS_PER_EMAIL, MAX_RESETS_PER_IP } from '../../../worker/features/accounts/reset-throttle';
import type { RequestOrigin } from '../../../worker/features/accounts/sessions';
import { AppError } from '../../../worker/platform/errors';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';

/**
 * The reset-link throttle (3 requests per email, 20 per IP, in 15 minutes) and the single
 * use of a link under bursts of parallel requests on a real server, each on its own
 * connection and transaction, as requests to different Worker isolates are.
 */

const BURST = 60;

let database: TestDatabase;
/** A pool wider than a burst, so every request of it runs on its own connection at once. */
let wide: Connection;

beforeAll(async () => {
  database = await startTestDatabase();
  wide = await connect(database.databaseUrl, { maxConnections: BURST + 10 });
  await Promise.all(Array.from({ length: BURST + 10 }, () => wide.access.service((tx) => tx.execute(sql`select 1`))));
});
afterAll(async () => {
  await wide?.close();
  await database?.close();
});

let ipCounter = 0;
const from = (ip = `198.51.${Math.floor(++ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`): RequestOrigin => ({
  ip,
  userAgent: 'reset burst test',
  now: new Date(),
});

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

describe('the reset throttle under a burst', () => {
  it(`makes ${MAX_RESETS_PER_EMAIL} links of ${BURST} requests sent at once for one account, and keeps only the newest working`, async () => {
    const owner = await insertClient(wide.access);
    const results = await Promise.all(
      Array.from({ length: BURST }, () => requestPasswordReset(wide.access, owner.email, from())),
    );
    const made = results.filter((result) => result.ok && result.reset);
    expect(made).toHaveLength(MAX_RESETS_PER_EMAIL);
    expect(results.filter((result) => !result.ok)).toHaveLength(BURST - MAX_RESETS_PER_EMAIL);
    const [recorded] = await rows<{ n: number; live: number }>(sql`select count(*)::int as n,
      count(*) filter (where used_at is null and expires_at > now())::int as live
      from password_resets where account_id = ${owner.id}`);
    expect(recorded).toEqual({ n: MAX_RESETS_PER_EMAIL, live: 1 });
  });

  it(`records ${MAX_RESETS_PER_IP} of ${BURST} requests sent at once from one address over as many emails`, async () => {
    const ip = '203.0.113.203';
    const results = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        requestPasswordReset(wide.access, `spray-${i}-${randomUUID()}@example.ca`, from(ip)),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(MAX_RESETS_PER_IP);
    const [recorded] = await rows<{ n: number }>(
      sql`select count(*)::int as n from password_resets where requested_ip = ${ip}::inet`,
    );
    expect(recorded!.n).toBe(MAX_RESETS_PER_IP);
  });
});

describe('a link used many times at once', () => {
  it('sets one password and opens one session', async () => {
    const owner = await insertClient(wide.access);
    const requested = await requestPasswordReset(wide.access, owner.email, from());
    const token = requested.ok ? requested.reset!.token : '';
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        resetPassword(wide.access, { token, password: `mot-de-passe-${i}-neuf` }, from(), 'en').then(
          () => 'reset',
          (error: unknown) => {
            if (error instanceof AppError) return error.code;
            throw error;
          },
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'reset')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'invalid_request')).toHaveLength(19);
    const [sessions] = await rows<{ live: number }>(
      sql`select count(*)::int as live from sessions where client_id = ${owner.id} and revoked_at is null`,
    );
    expect(sessions!.live).toBe(1);
  });
});
