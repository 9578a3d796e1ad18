import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, leadMemory, leadNotes } from '../../../schema';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { failure } from '../../support/errors';
import { insertClient, insertTenantRows, publicTables } from '../../support/fixtures';

/**
 * Row-level security, proved with queries that omit every client filter: whatever the
 * application code forgets, tenant A cannot read, change, delete or create tenant B's rows.
 */
let database: TestDatabase;
let tenantA: string;
let tenantB: string;
let rowsOfA: Record<string, string>;
let rowsOfB: Record<string, string>;

beforeAll(async () => {
  database = await startTestDatabase();
  tenantA = (await insertClient(database.access)).id;
  tenantB = (await insertClient(database.access)).id;
  rowsOfA = await insertTenantRows(database.access, tenantA);
  rowsOfB = await insertTenantRows(database.access, tenantB);
});
afterAll(async () => {
  await database?.close();
});

const asTenant = <T>(clientId: string, query: ReturnType<typeof sql>) =>
  database.access.tenant(clientId, (tx) => tx.execute<T & Record<string, unknown>>(query));
const asService = <T>(query: ReturnType<typeof sql>) =>
  database.access.service((tx) => tx.execute<T & Record<string, unknown>>(query));

const TENANT_TABLES = [
  'lead_memory',
  'lead_actions',
  'lead_notes',
  'growth_brain',
  'feedback_tracking',
  'performance_metrics',
  'prompt_performance',
  'outreach_campaigns',
  'outreach_emails',
  'outreach_tracking',
  'outreach_metrics',
  'integration_logs',
  'integration_log_daily',
  'retired_widget_keys',
  'sent_emails',
  'sessions',
];
const PUBLIC_READ_TABLES = ['intent_translations', 'translation_dictionary'];

describe('every table is classified', () => {
  it('covers each table as tenant-owned, public-read or service-only', async () => {
    const tables = await publicTables(database.access);
    const withClientId = (
      await asService<{ table_name: string }>(sql`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'client_id' and table_name <> 'clients'`)
    ).rows.map((row) => row.table_name);
    // A new table with a client_id must be added to TENANT_TABLES (and get its policy).
    expect(withClientId.sort()).toEqual([...TENANT_TABLES].sort());
    expect(tables.length).toBeGreaterThanOrEqual(26);
  });
});

describe.each(TENANT_TABLES)('%s isolation', (table) => {
  const target = sql.identifier(table);

  it("lists only the tenant's own rows", async () => {
    const { rows } = await asTenant<{ client_id: string }>(tenantA, sql`select client_id from ${target}`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.client_id === tenantA)).toBe(true);
  });

  it("cannot read another tenant's row by id", async () => {
    const { rows } = await asTenant(tenantA, sql`select * from ${target} where id = ${rowsOfB[table]}`);
    expect(rows).toEqual([]);
  });

  it("cannot update another tenant's row", async () => {
    const attempt = () =>
      asTenant(tenantA, sql`update ${target} set client_id = client_id where id = ${rowsOfB[table]}`);
    const own = () => asTenant(tenantA, sql`update ${target} set client_id = client_id where id = ${rowsOfA[table]}`);
    const canUpdate = await own().then(
      (result) => result.rowCount,
      (error: unknown) => error,
    );
    if (typeof canUpdate === 'number') {
      expect(canUpdate).toBe(1); // the tenant can update its own row, so the next 0 means something
      expect((await attempt()).rowCount).toBe(0);
    } else {
      expect((await failure(attempt)).code).toBe('42501'); // audit tables: no updates at all
    }
  });

  it("cannot delete another tenant's row", async () => {
    const result = await asTenant(tenantA, sql`delete from ${target} where id = ${rowsOfB[table]}`).then(
      (done) => done.rowCount,
      async (error: unknown) => (await failure(() => Promise.reject(error))).code,
    );
    expect([0, '42501']).toContain(result);
    const { rows } = await asService(sql`select id from ${target} where id = ${rowsOfB[table]}`);
    expect(rows).toHaveLength(1);
  });

  it('cannot insert a row owned by another tenant', async () => {
    // A copy of B's row with a fresh id, inserted by A with no client filter anywhere.
    const { rows } = await asService<{ row: Record<string, unknown> }>(
      sql`select to_jsonb(t.*) - 'id' as row from ${target} t where id = ${rowsOfB[table]}`,
    );
    const copy = JSON.stringify(rows[0]!.row);
    // Generated columns (lead_memory.search_document) take no value, not even NULL.
    const columns = (
      await asService<{ column_name: string }>(sql`select column_name from information_schema.columns
        where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER' order by ordinal_position`)
    ).rows.map((row) => sql.identifier(row.column_name));
    const list = sql.join(columns, sql`, `);
    const insertCopy = (clientId: string) =>
      asTenant(
        clientId,
        sql`insert into ${target} (${list}) select ${list} from jsonb_populate_record(null::${target}, ${copy}::jsonb || jsonb_build_object('id', gen_random_uuid()))`,
      );
    const error = await failure(() => insertCopy(tenantA));
    expect(error.code).toBe('42501');
    expect(error.message).toMatch(/row-level security|permission denied/);
  });
});

describe('the clients table', () => {
  it('shows a tenant its own account only', async () => {
    const { rows } = await asTenant<{ id: string }>(tenantA, sql`select id from clients`);
    expect(rows.map((row) => row.id)).toEqual([tenantA]);
  });

  it("lets a tenant change its settings but not another client's", async () => {
    const own = await asTenant(
      tenantA,
      sql`update clients set booking_link = 'https://cal.example.ca/a' where id = ${tenantA}`,
    );
    expect(own.rowCount).toBe(1);
    const other = await asTenant(
      tenantA,
      sql`update clients set booking_link = 'https://evil.example' where id = ${tenantB}`,
    );
    expect(other.rowCount).toBe(0);
    const [b] = await database.access.service((tx) => tx.select().from(clients).where(eq(clients.id, tenantB)));
    expect(b!.bookingLink).toBeNull();
  });

  it('does not let a tenant make itself internal, rename its key or delete itself', async () => {
    for (const statement of [
      sql`update clients set is_internal = true where id = ${tenantA}`,
      sql`update clients set api_key = 'pk_live_mine' where id = ${tenantA}`,
      sql`delete from clients where id = ${tenantA}`,
      sql`insert into clients (client_id, api_key, business_name, email, password_hash) values ('x', 'y', 'z', 'a@b.c', 'h')`,
    ]) {
      expect((await failure(() => asTenant(tenantA, statement))).code).toBe('42501');
    }
  });
});

describe('cross-tenant references', () => {
  it("refuses a note that points at another tenant's lead, even with the tenant's own client_id", async () => {
    const error = await failure(() =>
      database.access.tenant(tenantA, (tx) =>
        tx.insert(leadNotes).values({ leadId: rowsOfB.lead_memory!, clientId: tenantA, note: 'sneaky' }),
      ),
    );
    expect(error).toMatchObject({ code: '23503', constraint: 'lead_notes_lead_fk' });
  });

  it("refuses an action on another tenant's lead", async () => {
    const error = await failure(() =>
      asTenant(
        tenantA,
        sql`insert into lead_actions (lead_id, client_id, action_type) values (${rowsOfB.lead_memory}, ${tenantA}, 'archived')`,
      ),
    );
    expect(error).toMatchObject({ code: '23503', constraint: 'lead_actions_lead_fk' });
  });

  it("refuses an outreach email in another tenant's campaign", async () => {
    const error = await failure(() =>
      asTenant(
        tenantA,
        sql`insert into outreach_emails (campaign_id, client_id, prospect_email, subject, content)
        values (${rowsOfB.outreach_campaigns}, ${tenantA}, 'x@example.ca', 's', 'c')`,
      ),
    );
    expect(error).toMatchObject({ code: '23503', constraint: 'outreach_emails_campaign_fk' });
  });
});

describe('tables without a tenant', () => {
  it('keeps service-only tables away from tenants entirely', async () => {
    const tables = await publicTables(database.access);
    const serviceOnly = tables.filter(
      (t) => t !== 'clients' && !TENANT_TABLES.includes(t) && !PUBLIC_READ_TABLES.includes(t),
    );
    expect(serviceOnly).toEqual(
      expect.arrayContaining([
        'prospect_candidates',
        'queue_jobs',
        'prompt_registry',
        'email_templates',
        'translation_cache',
      ]),
    );
    for (const table of serviceOnly) {
      const error = await failure(() => asTenant(tenantA, sql`select 1 from ${sql.identifier(table)} limit 1`));
      expect(error.code, table).toBe('42501');
    }
  });

  it('lets tenants read the public vocabularies but not change them', async () => {
    const { rows } = await asTenant(
      tenantA,
      sql`select intent_fr from intent_translations where intent_key = 'quote_request'`,
    );
    expect(rows).toEqual([{ intent_fr: 'Demande de soumission' }]);
    for (const table of PUBLIC_READ_TABLES) {
      const error = await failure(() => asTenant(tenantA, sql`delete from ${sql.identifier(table)}`));
      expect(error.code, table).toBe('42501');
    }
  });
});

describe('the tenant transaction', () => {
  it('sees nothing when no client is set', async () => {
    const counted = await database.access.service(async (tx) => {
      await tx.execute(sql`select set_config('role', 'avenir_tenant', true)`);
      return tx.execute<{ n: number }>(sql`select count(*)::int as n from lead_memory`);
    });
    expect(counted.rows[0]!.n).toBe(0);
  });

  it('refuses a client id that is not a uuid before reaching the database', () => {
    expect(() => database.access.tenant("x' or true --", async () => 1)).toThrow(/not a client uuid/);
  });

  it('does not leak the tenant setting to the next transaction on the same connection', async () => {
    await database.access.tenant(tenantA, (tx) => tx.select().from(leadMemory));
    const { rows } = await asService<{ client: string | null }>(sql`select avenir_current_client()::text as client`);
    expect(rows[0]!.client).toBeNull();
  });
});
