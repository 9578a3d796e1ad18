import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTENTS } from '../../../schema/vocabulary';
import { migrateDatabase } from '../../../scripts/lib/migrate';
import { isRealServer, startTestDatabase, type TestDatabase } from '../../support/database';
import { failure } from '../../support/errors';
import { insertClient, insertTenantRows, publicTables } from '../../support/fixtures';

const documented = JSON.parse(
  await readFile(new URL('../../fixtures/documented-schema.json', import.meta.url), 'utf8'),
) as { tables: Record<string, string[]> };

let database: TestDatabase;
const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('schema against the database documentation', () => {
  it('has all 26 documented tables, each with every documented column', async () => {
    const columns = await rows<{ table_name: string; column_name: string }>(
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`,
    );
    const actual = new Map<string, Set<string>>();
    for (const { table_name, column_name } of columns) {
      if (!actual.has(table_name)) actual.set(table_name, new Set());
      actual.get(table_name)!.add(column_name);
    }
    expect(Object.keys(documented.tables)).toHaveLength(26);
    const missing = Object.entries(documented.tables).flatMap(([table, cols]) =>
      actual.has(table) ? cols.filter((col) => !actual.get(table)!.has(col)).map((col) => `${table}.${col}`) : [table],
    );
    expect(missing).toEqual([]);
  });

  it('has row-level security enabled on every table', async () => {
    const tables = await rows<{ relname: string; relrowsecurity: boolean }>(
      sql`select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(26);
    expect(tables.filter((table) => !table.relrowsecurity).map((table) => table.relname)).toEqual([]);
  });

  it('names the documented unique constraints', async () => {
    const names = (await rows<{ conname: string }>(sql`select conname from pg_constraint where contype = 'u'`)).map(
      (row) => row.conname,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'growth_brain_client_unique',
        'prospect_candidates_website_unique',
        'prospect_candidates_domain_unique',
        'prospect_industry_performance_industry_unique',
        'clients_client_id_unique',
        'clients_api_key_unique',
        'outreach_metrics_campaign_unique',
      ]),
    );
  });

  it('backs every foreign key with an index led by its first column', async () => {
    // Without one, deleting a parent row (a cascade) scans the whole child table.
    const unindexed = await rows<{ constraint: string }>(sql`
      select c.conrelid::regclass || '.' || c.conname as constraint
      from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
        and not exists (
          select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1]
        )`);
    expect(unindexed.map((row) => row.constraint)).toEqual([]);
  });

  it('uses database-generated uuid primary keys', async () => {
    const keys = await rows<{ table_name: string; data_type: string; column_default: string | null }>(sql`
      select c.table_name, c.data_type, c.column_default from information_schema.columns c
      where c.table_schema = 'public' and c.column_name = 'id'`);
    expect(keys.length).toBeGreaterThanOrEqual(26);
    for (const key of keys) {
      expect(key, key.table_name).toMatchObject({ data_type: 'uuid', column_default: 'gen_random_uuid()' });
    }
  });

  it('seeds the triage vocabulary with both names, as schema/vocabulary.ts lists it', async () => {
    const seeded = await rows<{ intent_key: string; intent_en: string; intent_fr: string; category: string }>(
      sql`select intent_key, intent_en, intent_fr, category from intent_translations order by position`,
    );
    expect(seeded).toEqual(
      INTENTS.map(({ key, en, fr, category }) => ({ intent_key: key, intent_en: en, intent_fr: fr, category })),
    );
  });

  it('applies migrations once: running them again changes nothing', async () => {
    const before = await rows<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    await migrateDatabase(database);
    const after = await rows<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(after).toEqual(before);
    expect(before[0]!.n).toBeGreaterThanOrEqual(3);
  });

  it('stores profile embeddings of exactly 1536 dimensions', async () => {
    // pgvector where the server has it (PGlite, Neon); real[] with a length check elsewhere.
    const [{ type } = { type: '' }] = await rows<{ type: string }>(sql`
      select format_type(atttypid, atttypmod) as type from pg_attribute
      where attrelid = 'avenir_profile_embeddings'::regclass and attname = 'embedding'`);
    const isVector = type === 'vector(1536)';
    if (!isRealServer()) expect(type).toBe('vector(1536)');
    else expect(['vector(1536)', 'real[]']).toContain(type);

    const literal = (dims: number) => {
      const values = Array.from({ length: dims }, (_, i) => (i % 7) / 7).join(',');
      return isVector ? `[${values}]` : `{${values}}`;
    };
    const insert = (dims: number) =>
      rows(sql`insert into avenir_profile_embeddings (chunk_text, embedding, embedding_model)
        values ('Avenir builds lead engines', ${literal(dims)}, 'text-embedding-3-small')`);
    await insert(1536);
    const error = await failure(() => insert(3));
    expect(error.message).toMatch(isVector ? /expected 1536 dimensions/ : /avenir_profile_embeddings_embedding_check/);
  });
});

describe('defaults', () => {
  it('expires feedback after a year and translations after 90 days', async () => {
    const [row] = await rows<{ feedback_days: number; translation_days: number }>(sql`
      with feedback as (
        insert into feedback_tracking (action_type, outcome) values ('system_performance', 'neutral') returning expires_at
      ), translation as (
        insert into translation_cache (source_text, source_language, target_language, translated_text, context_type)
        values ('Quote request', 'en', 'fr', 'Demande de soumission', 'intent') returning expires_at
      )
      select round(extract(epoch from (select expires_at from feedback) - now()) / 86400)::int as feedback_days,
             round(extract(epoch from (select expires_at from translation) - now()) / 86400)::int as translation_days`);
    expect(row!.feedback_days).toBeGreaterThanOrEqual(365);
    expect(row!.feedback_days).toBeLessThanOrEqual(366);
    expect(row!.translation_days).toBe(90);
  });

  it('keys the translation cache on text with whitespace and case normalised', async () => {
    await rows(sql`insert into translation_cache (source_text, source_language, target_language, translated_text, context_type)
      values ('Needs a  quote   today', 'en', 'fr', 'Veut une soumission aujourd''hui', 'lead_summary')`);
    const error = await failure(() =>
      rows(sql`insert into translation_cache (source_text, source_language, target_language, translated_text, context_type)
        values ('  needs a quote TODAY ', 'en', 'fr', 'autre', 'lead_summary')`),
    );
    expect(error).toMatchObject({ code: '23505', constraint: 'translation_cache_lookup_unique' });
  });
});

describe('constraints reject out-of-range values', () => {
  let clientId: string;
  let ids: Record<string, string>;
  beforeAll(async () => {
    clientId = (await insertClient(database.access)).id;
    ids = await insertTenantRows(database.access, clientId);
  });

  const cases: [string, () => ReturnType<typeof sql>, string][] = [
    [
      'urgency outside High/Medium/Low',
      () => sql`update lead_memory set urgency = 'Urgent' where id = ${ids.lead_memory}`,
      'lead_memory_urgency_check',
    ],
    [
      'lowercase urgency',
      () => sql`update lead_memory set urgency = 'high' where id = ${ids.lead_memory}`,
      'lead_memory_urgency_check',
    ],
    [
      'unknown lead tone',
      () => sql`update lead_memory set tone = 'Angry' where id = ${ids.lead_memory}`,
      'lead_memory_tone_check',
    ],
    [
      'language other than en/fr',
      () => sql`update lead_memory set language = 'es' where id = ${ids.lead_memory}`,
      'lead_memory_language_check',
    ],
    [
      'confidence above 1',
      () => sql`update lead_memory set confidence_score = 1.5 where id = ${ids.lead_memory}`,
      'lead_memory_confidence_check',
    ],
    [
      'email tone that is a lead tone',
      () => sql`update clients set email_tone = 'Casual' where id = ${clientId}`,
      'clients_email_tone_check',
    ],
    [
      'unknown lead action',
      () => sql`update lead_actions set action_type = 'exploded' where id = ${ids.lead_actions}`,
      'lead_actions_action_type_check',
    ],
    [
      'impact above 100',
      () => sql`update feedback_tracking set impact_score = 101 where id = ${ids.feedback_tracking}`,
      'feedback_tracking_impact_check',
    ],
    [
      'impact below -100',
      () => sql`update feedback_tracking set impact_score = -101 where id = ${ids.feedback_tracking}`,
      'feedback_tracking_impact_check',
    ],
    [
      'unknown feedback outcome',
      () => sql`update feedback_tracking set outcome = 'great' where id = ${ids.feedback_tracking}`,
      'feedback_tracking_outcome_check',
    ],
    [
      'user rating 6',
      () => sql`update prompt_performance set user_rating = 6 where id = ${ids.prompt_performance}`,
      'prompt_performance_user_rating_check',
    ],
    [
      'user rating 0',
      () => sql`update prompt_performance set user_rating = 0 where id = ${ids.prompt_performance}`,
      'prompt_performance_user_rating_check',
    ],
    [
      'negative cost',
      () => sql`update prompt_performance set cost_usd = -0.01 where id = ${ids.prompt_performance}`,
      'prompt_performance_cost_check',
    ],
    [
      'unknown environment',
      () => sql`update prompt_performance set environment = 'dev' where id = ${ids.prompt_performance}`,
      'prompt_performance_environment_check',
    ],
    [
      'engagement above 100',
      () => sql`update growth_brain set engagement_score = 100.5 where id = ${ids.growth_brain}`,
      'growth_brain_engagement_check',
    ],
    [
      'period ending before it starts',
      () => sql`update growth_brain set analysis_period_end = '2026-01-01' where id = ${ids.growth_brain}`,
      'growth_brain_period_check',
    ],
    [
      'success rate above 1',
      () => sql`update performance_metrics set success_rate = 1.2 where id = ${ids.performance_metrics}`,
      'performance_metrics_success_rate_check',
    ],
    [
      'unknown metric unit',
      () => sql`update performance_metrics set metric_unit = 'seconds' where id = ${ids.performance_metrics}`,
      'performance_metrics_metric_unit_check',
    ],
    [
      'open rate above 100 percent',
      () => sql`update outreach_metrics set open_rate = 101 where id = ${ids.outreach_metrics}`,
      'outreach_metrics_open_rate_check',
    ],
    [
      'negative sent count',
      () => sql`update outreach_metrics set total_emails_sent = -1 where id = ${ids.outreach_metrics}`,
      'outreach_metrics_totals_check',
    ],
    [
      'unknown outreach email status',
      () => sql`update outreach_emails set status = 'lost' where id = ${ids.outreach_emails}`,
      'outreach_emails_status_check',
    ],
    [
      'unknown tracking event',
      () => sql`update outreach_tracking set action = 'forwarded' where id = ${ids.outreach_tracking}`,
      'outreach_tracking_action_check',
    ],
    [
      'unknown campaign status',
      () => sql`update outreach_campaigns set status = 'archived' where id = ${ids.outreach_campaigns}`,
      'outreach_campaigns_status_check',
    ],
    [
      'HTTP status 600',
      () => sql`update integration_logs set response_status = 600 where id = ${ids.integration_logs}`,
      'integration_logs_status_check',
    ],
  ];

  it.each(cases)('rejects %s', async (_, statement, constraint) => {
    const error = await failure(() => rows(statement()));
    expect(error).toMatchObject({ code: '23514', constraint });
  });

  it.each([
    ['automation need below 45', 44, 'prospect_candidates_automation_need_check'],
    ['automation need above 95', 96, 'prospect_candidates_automation_need_check'],
  ])('rejects a prospect with %s', async (_, score, constraint) => {
    const error = await failure(() =>
      rows(sql`insert into prospect_candidates (business_name, website, domain, automation_need_score)
        values ('Toitures Laval', ${`https://toitures-${score}.example.ca`}, ${`toitures-${score}.example.ca`}, ${score})`),
    );
    expect(error).toMatchObject({ code: '23514', constraint });
  });

  it('accepts the documented bounds themselves', async () => {
    await rows(sql`insert into prospect_candidates (business_name, website, domain, automation_need_score)
      values ('Low', 'https://low.example.ca', 'low.example.ca', 45), ('High', 'https://high.example.ca', 'high.example.ca', 95)`);
    await rows(
      sql`update feedback_tracking set impact_score = -100, confidence_score = 1 where id = ${ids.feedback_tracking}`,
    );
    await rows(sql`update prompt_performance set user_rating = 5 where id = ${ids.prompt_performance}`);
    await rows(
      sql`update lead_memory set urgency = 'High', tone = 'Frustrated', confidence_score = 0 where id = ${ids.lead_memory}`,
    );
  });

  it('keeps one prospect per website and one metrics row per campaign', async () => {
    await rows(
      sql`insert into prospect_candidates (business_name, website, domain) values ('A', 'https://same.example.ca', 'same.example.ca')`,
    );
    expect(
      await failure(() =>
        rows(
          sql`insert into prospect_candidates (business_name, website, domain) values ('B', 'https://same.example.ca', 'other.example.ca')`,
        ),
      ),
    ).toMatchObject({ code: '23505', constraint: 'prospect_candidates_website_unique' });
    expect(
      await failure(() =>
        rows(
          sql`insert into prospect_candidates (business_name, website, domain) values ('C', 'https://shop.same.example.ca', 'same.example.ca')`,
        ),
      ),
    ).toMatchObject({ code: '23505', constraint: 'prospect_candidates_domain_unique' });
    expect(
      await failure(() =>
        rows(
          sql`insert into outreach_metrics (campaign_id, client_id) values (${ids.outreach_campaigns}, ${clientId})`,
        ),
      ),
    ).toMatchObject({ code: '23505', constraint: 'outreach_metrics_campaign_unique' });
  });

  it('refuses a second client with the same email in another case', async () => {
    const client = await insertClient(database.access);
    expect(await failure(() => insertClient(database.access, { email: client.email.toUpperCase() }))).toMatchObject({
      code: '23505',
      constraint: 'clients_email_unique',
    });
  });

  it('refuses an intent outside the vocabulary', async () => {
    expect(
      await failure(() => rows(sql`update lead_memory set intent = 'Pizza order' where id = ${ids.lead_memory}`)),
    ).toMatchObject({ code: '23503' });
    await rows(sql`update lead_memory set intent = 'B2B partnership' where id = ${ids.lead_memory}`);
  });

  it('deletes a client with everything it owns', async () => {
    const doomed = await insertClient(database.access);
    await insertTenantRows(database.access, doomed.id);
    await rows(sql`delete from clients where id = ${doomed.id}`);
    const leftovers = [];
    for (const table of await publicTables(database.access)) {
      const hasClientColumn = await rows<{ n: number }>(sql`select count(*)::int as n from information_schema.columns
        where table_schema = 'public' and table_name = ${table} and column_name = 'client_id'`);
      if (!hasClientColumn[0]!.n || table === 'clients') continue;
      const [left] = await rows<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(table)} where client_id = ${doomed.id}`,
      );
      if (left!.n > 0) leftovers.push(table);
    }
    expect(leftovers).toEqual([]);
  });
});
