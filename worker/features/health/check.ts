import { sql } from 'drizzle-orm';
import journal from '../../../schema/migrations/meta/_journal.json';
import type { DatabaseAccess } from '../../platform/db';

const entries = journal.entries;
const latest = entries[entries.length - 1];
if (!latest) throw new Error('schema/migrations/meta/_journal.json lists no migration');

/** The migration this code was built against. */
export const EXPECTED_SCHEMA = latest.tag;

export type HealthReport =
  | { ok: true; schema: string }
  | { ok: false; reason: string; schema: string | null; expected: string };

const tagOf = (appliedAt: number): string | null => entries.find((entry) => entry.when === appliedAt)?.tag ?? null;

/**
 * A real round trip to the database, reading which migration it is at. The database may
 * be ahead of this code (migrations run before a deploy) but never behind it.
 */
export async function checkHealth(db: DatabaseAccess): Promise<HealthReport> {
  let appliedAt: number | null;
  try {
    const rows = await db.service((tx) =>
      tx.execute<{ applied_at: string | null }>(
        sql`select max(created_at)::text as applied_at from drizzle.__drizzle_migrations`,
      ),
    );
    const value = rows.rows[0]?.applied_at;
    appliedAt = value == null ? null : Number(value);
  } catch (error) {
    return { ok: false, reason: `database unreachable: ${describe(error)}`, schema: null, expected: EXPECTED_SCHEMA };
  }
  if (appliedAt === null || appliedAt < latest!.when) {
    return {
      ok: false,
      reason: 'database schema is behind the code: run `npm run db:migrate`',
      schema: appliedAt === null ? null : tagOf(appliedAt),
      expected: EXPECTED_SCHEMA,
    };
  }
  return { ok: true, schema: tagOf(appliedAt) ?? EXPECTED_SCHEMA };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
