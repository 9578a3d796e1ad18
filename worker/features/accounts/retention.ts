import { sql } from 'drizzle-orm';
import { type DatabaseAccess, openDatabase } from '../../platform/db';
import type { CronDefinition } from '../../platform/jobs/registry';

/**
 * How long sign-in records outlive their use. The throttle looks back 15 minutes; a day of
 * attempts is kept to look into an attack after the fact. A session is kept 30 days past
 * its end (sign-out, password change, expiry) for the same reason, then goes. A request
 * for a reset link is kept a day past the end of its link (used, expired or replaced;
 * requests for unknown emails "expire" 30 minutes after they were made too): the reset
 * throttle looks back a day, and none of these rows opens anything by then.
 */
const ATTEMPTS_KEPT = '1 day';
const ENDED_RESETS_KEPT = '1 day';
const ENDED_SESSIONS_KEPT = '30 days';
/** Rows per statement, so one run stays short even after a flood of attempts. */
const BATCH = 10_000;

export interface PrunedAuthRecords {
  signInAttempts: number;
  sessions: number;
  passwordResets: number;
}

/** Deletes sign-in attempts, ended sessions and ended reset links past their retention; run daily by cron. */
export async function pruneAuthRecords(db: DatabaseAccess): Promise<PrunedAuthRecords> {
  return db.service(async (tx) => {
    const attempts = await tx.execute(sql`
      delete from sign_in_attempts where id in (
        select id from sign_in_attempts
         where attempted_at < now() - ${ATTEMPTS_KEPT}::interval limit ${BATCH})`);
    const sessions = await tx.execute(sql`
      delete from sessions where id in (
        select id from sessions
         where coalesce(revoked_at, expires_at) < now() - ${ENDED_SESSIONS_KEPT}::interval limit ${BATCH})`);
    // A link has ended by its expires_at (a used one too, used before it); its request was made before.
    const resets = await tx.execute(sql`
      delete from password_resets where id in (
        select id from password_resets
         where expires_at < now() - ${ENDED_RESETS_KEPT}::interval limit ${BATCH})`);
    return {
      signInAttempts: attempts.rowCount ?? 0,
      sessions: sessions.rowCount ?? 0,
      passwordResets: resets.rowCount ?? 0,
    };
  });
}

/** Drops sign-in attempts, ended sessions and reset links past their retention, 08:30 UTC (03:30 in Montreal in winter, 04:30 in summer). */
export const authRetention: CronDefinition = {
  cron: '30 8 * * *',
  name: 'sign-in retention',
  async run(env) {
    const db = openDatabase(env);
    try {
      const pruned = await pruneAuthRecords(db);
      console.log(
        `auth retention: ${pruned.signInAttempts} sign-in attempt(s), ${pruned.sessions} session(s), ` +
          `${pruned.passwordResets} password reset(s) deleted`,
      );
    } finally {
      await db.close();
    }
  },
};
