import { sql } from 'drizzle-orm';
import type { DatabaseAccess } from '../../platform/db';

/**
 * integration_logs grows with every request, so its raw rows are kept 90 days (README,
 * "Connection health"). Older ones become one integration_log_daily row per client, UTC
 * day, origin and status, in the statement that deletes them, so nothing is counted twice
 * nor lost: a batch that splits a day adds to that day's row. Requests that named no
 * client (a key no one was given) have none to roll up under: they are deleted with the
 * rest. Bounded batches, each its own transaction; a redelivered run finds nothing left.
 */

export const RAW_LOG_DAYS = 90;
const BATCH = 5_000;
const MAX_BATCHES = 40;

export interface LogRetentionResult {
  [key: string]: number;
  rowsRolledUp: number;
  dailyRowsWritten: number;
}

const rollUpBatch = (db: DatabaseAccess, now: Date) =>
  db.service(async (tx) => {
    const result = await tx.execute<{ raw: number; written: number }>(sql`
      with raw as (
        delete from integration_logs where id in (
          select id from integration_logs
          where created_at < date_trunc('day', ${now.toISOString()}::timestamptz - make_interval(days => ${RAW_LOG_DAYS}), 'UTC')
          limit ${BATCH} for update skip locked)
        returning client_id, origin, response_status, created_at
      ), days as (
        select client_id, (created_at at time zone 'UTC')::date as day, coalesce(origin, '') as origin,
          response_status, count(*)::int as requests, min(created_at) as first_at, max(created_at) as last_at
        from raw where client_id is not null
        group by 1, 2, 3, 4
      ), written as (
        insert into integration_log_daily as d (client_id, day, origin, response_status, requests, first_at, last_at)
        select client_id, day, origin, response_status, requests, first_at, last_at from days
        on conflict (client_id, day, origin, response_status) do update set
          requests = d.requests + excluded.requests,
          first_at = least(d.first_at, excluded.first_at),
          last_at = greatest(d.last_at, excluded.last_at)
        returning 1
      )
      select (select count(*) from raw)::int as raw, (select count(*) from written)::int as written`);
    return result.rows[0] ?? { raw: 0, written: 0 };
  });

export async function rollUpIntegrationLogs(db: DatabaseAccess, now = new Date()): Promise<LogRetentionResult> {
  const result: LogRetentionResult = { rowsRolledUp: 0, dailyRowsWritten: 0 };
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const { raw, written } = await rollUpBatch(db, now);
    result.rowsRolledUp += raw;
    result.dailyRowsWritten += written;
    if (raw < BATCH) break;
  }
  return result;
}
