import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadMemory } from '../../../schema';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { failure } from '../../support/errors';
import { insertClient } from '../../support/fixtures';

/**
 * avenir_lead_search() (migration 0009) runs as its owner, outside row-level security, so
 * that the search indexes can serve a tenant: it must still answer only the caller's leads.
 */
let database: TestDatabase;
let tenantA: string;
let tenantB: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await startTestDatabase();
  tenantA = (await insertClient(database.access)).id;
  tenantB = (await insertClient(database.access)).id;
  const leads = [
    { key: 'roofA', clientId: tenantA, email: 'Marie.Roy@Example.ca', message: 'Refaire la toiture du chalet' },
    { key: 'plumbA', clientId: tenantA, email: 'sam@pipes.ca', message: 'The plumbing leaks' },
    { key: 'percentA', clientId: tenantA, email: '50%off@example.ca', message: 'Bonjour' },
    { key: 'roofB', clientId: tenantB, email: 'marie.roy@example.ca', message: 'Toiture à refaire, chalet' },
  ];
  for (const { key, ...lead } of leads) {
    const [row] = await database.access.service((tx) =>
      tx
        .insert(leadMemory)
        .values({ name: 'Marie Roy', language: 'fr', ...lead })
        .returning({ id: leadMemory.id }),
    );
    ids[key] = row!.id;
  }
});
afterAll(async () => {
  await database?.close();
});

const search = (clientId: string, q: string) =>
  database.access
    .tenant(clientId, (tx) => tx.execute<{ id: string }>(sql`select avenir_lead_search(${q}) as id`))
    .then((result) => result.rows.map((row) => row.id).sort());

describe('avenir_lead_search', () => {
  it("finds words in both stemmers, in the tenant's leads only", async () => {
    expect(await search(tenantA, 'toitures')).toEqual([ids.roofA]);
    expect(await search(tenantB, 'toiture')).toEqual([ids.roofB]);
    expect(await search(tenantA, 'leak')).toEqual([ids.plumbA]);
  });

  it('reads the last word as the start of a word, as people type', async () => {
    expect(await search(tenantA, 'toit')).toEqual([ids.roofA]);
    expect(await search(tenantA, 'refaire toi')).toEqual([ids.roofA]);
    expect(await search(tenantA, 'plum')).toEqual([ids.plumbA]);
    expect(await search(tenantA, 'the plumb')).toEqual([ids.plumbA]);
    // Whole words before the last one: "toit" alone as a first word is no prefix.
    expect(await search(tenantA, 'toit chalet')).toEqual([]);
    expect(await search(tenantA, 'chalet -toit')).toEqual([ids.roofA]);
  });

  it('never fails on what a person can type as the last word', async () => {
    for (const q of ["l'", "a'b:*", '&|!<>', "'", '""', '-', 'or', '(', ':*', 'été:', '\\']) {
      await expect(search(tenantA, q), q).resolves.toBeInstanceOf(Array);
    }
  });

  it('matches the start of an email whatever its case, wildcards as characters', async () => {
    expect(await search(tenantA, 'MARIE.R')).toEqual([ids.roofA]);
    expect(await search(tenantA, '50%')).toEqual([ids.percentA]);
    expect(await search(tenantA, '%')).toEqual([]);
    expect(await search(tenantA, '_am')).toEqual([]);
  });

  it('treats quotes in the search as text', async () => {
    expect(await search(tenantA, "x' or true or '")).toEqual([]);
  });

  it('is for tenants only', async () => {
    const asService = () => database.access.service((tx) => tx.execute(sql`select avenir_lead_search('toiture')`));
    expect((await failure(asService)).code).toBe('42501');
  });
});
