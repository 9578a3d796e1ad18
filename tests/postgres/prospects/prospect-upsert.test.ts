import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProviderRecord } from '../../../worker/features/prospects/providers/port';
import { upsertProspect } from '../../../worker/features/prospects/upsert';
import { startTestDatabase, type TestDatabase } from '../../support/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const record = (overrides: Partial<ProviderRecord>): ProviderRecord => ({
  source: 'pdl',
  sourceId: 'x',
  businessName: 'Toitures Laval',
  website: null,
  email: null,
  phone: null,
  industry: 'roofing',
  city: 'Laval',
  region: 'QC',
  country: 'CA',
  employees: null,
  linkedinUrl: null,
  address: null,
  ...overrides,
});

describe('prospect upserts under races', () => {
  it('leaves exactly one row when 50 connections upsert the same business from different providers at once', async () => {
    const spellings = ['https://www.toitures-laval.ca/', 'toitures-laval.ca', 'HTTPS://SHOP.TOITURES-LAVAL.CA/contact'];
    const providers = ['pdl', 'apollo', 'google_places', 'csv'] as const;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        database.access.service((tx) =>
          upsertProspect(
            tx,
            record({
              source: providers[i % providers.length]!,
              sourceId: `id-${i}`,
              website: spellings[i % spellings.length]!,
              email: i === 17 ? 'info@toitures-laval.ca' : null,
              phone: i === 23 ? '(450) 555-0199' : null,
            }),
            { icpId: null, foundAt: new Date() },
          ),
        ),
      ),
    );
    const { rows } = await database.access.service((tx) =>
      tx.execute<{ n: number; email: string | null; phone: string | null; sources: number; providers: string[] }>(
        sql`select count(*)::int as n, max(contact_email) as email, max(phone) as phone,
                   max(jsonb_array_length(metadata->'sources'))::int as sources,
                   (select array_agg(distinct s->>'provider') from prospect_candidates p2,
                      jsonb_array_elements(p2.metadata->'sources') s where p2.domain = 'toitures-laval.ca') as providers
            from prospect_candidates where domain = 'toitures-laval.ca'`,
      ),
    );
    expect(rows[0]!.n).toBe(1);
    expect(results.filter((result) => result.kind === 'new')).toHaveLength(1);
    expect(new Set(results.map((result) => (result.kind === 'skipped' ? null : result.id))).size).toBe(1);
    expect(rows[0]!.email).toBe('info@toitures-laval.ca'); // no upsert lost the one email
    expect(rows[0]!.phone).toBe('+14505550199');
    expect(rows[0]!.sources).toBe(50); // every source recorded
    expect(rows[0]!.providers.sort()).toEqual(['apollo', 'csv', 'google_places', 'pdl']);
  });

  it('merges a business a second provider lists under another website, by its phone, even when both arrive at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        database.access.service((tx) =>
          upsertProspect(
            tx,
            record({
              businessName: i % 2 ? 'Plomberie Gagnon' : 'Plomberie Gagnon inc.',
              sourceId: `g-${i}`,
              website: i % 2 ? 'plomberiegagnon.com' : 'plomberie-gagnon.ca',
              phone: '514-555-0177',
              city: i % 2 ? 'Montréal' : 'Montreal',
            }),
            { icpId: null, foundAt: new Date() },
          ),
        ),
      ),
    );
    const { rows } = await database.access.service((tx) =>
      tx.execute<{ n: number; websites: string[] }>(
        sql`select count(*)::int as n, max(metadata->>'websites') as websites from prospect_candidates where phone = '+15145550177'`,
      ),
    );
    expect(rows[0]!.n).toBe(1);
    expect(results.filter((result) => result.kind === 'new')).toHaveLength(1);
  });
});
