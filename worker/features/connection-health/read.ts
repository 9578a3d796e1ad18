import { type SQL, sql } from 'drizzle-orm';
import type { Language } from '../../../schema/vocabulary';
import type { Transaction } from '../../platform/db';
import { keyPrefix } from '../../platform/identifiers';
import type { HealthInput, LoggedRequest } from './rules';

/** How many days of requests the health looks at: a week holds a weekend and a slow Monday. */
export const HEALTH_WINDOW_DAYS = 7;
/** How many of a client's latest leads its usual gap is read from. */
export const LEAD_HISTORY = 60;

/** A client as the health views and the alert need it. */
export interface HealthClient {
  id: string;
  businessName: string;
  email: string;
  language: Language;
  isTest: boolean;
  allowedOrigins: string[];
}

export interface ClientHealthInput {
  client: HealthClient;
  input: HealthInput;
}

/** Which clients to read: one (its tenant transaction or the service's), or every client that is not Avenir's own. */
export type HealthScope = { clientId: string } | 'all';

const clientFilter = (scope: HealthScope, column: SQL): SQL =>
  scope === 'all' ? sql`true` : sql`${column} = ${scope.clientId}`;

/**
 * What the rules read, in three statements whatever the number of clients: the clients, the
 * window's requests grouped alike (refusal, origin, key prefix) so a flood is one row, and
 * each client's latest leads through `lead_memory_client_created_idx`. A test client's leads
 * are all test leads (the demo), so they count; a real client's test leads do not, nor spam.
 */
export async function readHealthInputs(tx: Transaction, scope: HealthScope, now: Date): Promise<ClientHealthInput[]> {
  const since = new Date(now.getTime() - HEALTH_WINDOW_DAYS * 86_400_000).toISOString();
  const clients = await tx.execute<{
    id: string;
    business_name: string;
    email: string;
    language: Language;
    is_test: boolean;
    api_key: string;
    allowed_origins: string[];
  }>(sql`select id, business_name, email, language, is_test, api_key, allowed_origins from clients c
    where ${clientFilter(scope, sql`c.id`)} and c.is_internal = false order by c.business_name, c.id`);
  if (clients.rows.length === 0) return [];

  const requests = await tx.execute<{
    client_id: string;
    status: number;
    error: string | null;
    origin: string | null;
    key_prefix: string | null;
    count: number;
    at: string;
  }>(sql`select l.client_id, l.response_status as status, l.response_body ->> 'error' as error, l.origin,
      l.api_key as key_prefix, count(*)::int as count, max(l.created_at) as at
    from integration_logs l
    where ${clientFilter(scope, sql`l.client_id`)} and l.client_id is not null and l.created_at > ${since}::timestamptz
    group by 1, 2, 3, 4, 5`);

  const leads = await tx.execute<{ client_id: string; created_at: string }>(sql`
    select c.id as client_id, recent.created_at from clients c
    cross join lateral (select m.created_at from lead_memory m
      where m.client_id = c.id and m.deleted = false and m.is_spam = false and (c.is_test or m.is_test = false)
      order by m.created_at desc limit ${LEAD_HISTORY}) recent
    where ${clientFilter(scope, sql`c.id`)} and c.is_internal = false`);

  const requestsOf = new Map<string, LoggedRequest[]>();
  for (const row of requests.rows) {
    const list = requestsOf.get(row.client_id) ?? [];
    list.push({
      at: new Date(row.at),
      count: row.count,
      status: row.status,
      // A refusal names its code; an accepted request (2xx) has none.
      error: row.status < 300 ? null : (row.error ?? `http_${row.status}`),
      origin: row.origin,
      keyPrefix: row.key_prefix,
    });
    requestsOf.set(row.client_id, list);
  }
  const leadsOf = new Map<string, Date[]>();
  for (const row of leads.rows) {
    const list = leadsOf.get(row.client_id) ?? [];
    list.push(new Date(row.created_at));
    leadsOf.set(row.client_id, list);
  }

  return clients.rows.map((row) => ({
    client: {
      id: row.id,
      businessName: row.business_name,
      email: row.email,
      language: row.language,
      isTest: row.is_test,
      allowedOrigins: row.allowed_origins,
    },
    input: {
      now,
      requests: requestsOf.get(row.id) ?? [],
      currentKeyPrefix: keyPrefix(row.api_key),
      allowedOrigins: row.allowed_origins,
      leadTimes: leadsOf.get(row.id) ?? [],
    },
  }));
}
