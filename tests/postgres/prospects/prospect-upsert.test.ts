import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertProspect } from '../../../worker/features/prospects/upsert';
import { startTestDatabase, type TestDatabase } from '../../support/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('prospect upserts under races', () => {
  it('leaves exactly one row when 50 connections upsert the same website at once', async () => {
    const spellings = ['https://www.toitures-laval.ca/', 'toitures-laval.ca', 'HTTPS://TOITURES-LAVAL.CA/contact'];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        database.access.service((tx) =>
          upsertProspect(tx, {
            businessName: 'Toitures Laval',
            website: spellings[i % spellings.length]!,
            contactEmail: i === 17 ? 'info@toitures-laval.ca' : null,
            automationNeedScore: 45 + (i % 50),
            metadata: { [`source_${i % 3}`]: true },
          }),
        ),
      ),
    );
    const { rows } = await database.access.service((tx) =>
      tx.execute<{ n: number; email: string | null; metadata: Record<string, boolean> }>(
        sql`select count(*)::int as n, max(contact_email) as email, (array_agg(metadata))[1] as metadata
            from prospect_candidates where website = 'https://toitures-laval.ca'`,
      ),
    );
    expect(rows[0]!.n).toBe(1);
    expect(results.filter((result) => result.inserted)).toHaveLength(1);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect(rows[0]!.email).toBe('info@toitures-laval.ca'); // no upsert lost the one email
    expect(rows[0]!.metadata).toEqual({ source_0: true, source_1: true, source_2: true });
  });
});
