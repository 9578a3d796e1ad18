import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { triageOffline } from '../../worker/features/triage';
import { type LatencySummary, summarize } from '../lib/stats';
import { BENCH_SITE, type BenchStack } from './stack';

/** Offline triage throughput: every message of a JSONL file, again and again for `seconds`. */
export function benchOfflineEngine(file: string, seconds: number): { leadsPerSecond: number; n: number } {
  const messages = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { name: string; message: string });
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (const lead of messages) {
      triageOffline({ name: lead.name, message: lead.message, businessName: 'Bench' });
      n++;
    }
  }
  return { leadsPerSecond: n / ((performance.now() - started) / 1000), n };
}

/**
 * Time from `POST /api/lead` to the lead enriched (triage stored, reply and notification in
 * the outbox, job completed) through the real queue of the local stack, and the job's own
 * share of it; the rest is the queue's batching wait (wrangler.toml max_batch_timeout).
 * Measured between the database's own timestamps, so polling adds nothing.
 */
export async function benchPostToEnriched(
  stack: BenchStack,
  leads: number,
): Promise<{ total: LatencySummary; job: LatencySummary }> {
  const ids: string[] = [];
  for (let i = 0; i < leads; i++) {
    const posted = await stack.worker.dispatchFetch('http://localhost/api/lead', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: BENCH_SITE, 'CF-Connecting-IP': '203.0.113.9' },
      body: JSON.stringify({
        key: stack.client.apiKey,
        name: 'Martin Gagnon',
        email: `martin-${i}@example.ca`,
        message: 'Bonjour, j’aurais besoin d’une soumission pour refaire la toiture de mon bungalow à Laval.',
        idempotencyKey: randomUUID(),
        elapsedMs: 12_000,
      }),
    });
    if (posted.status !== 201) throw new Error(`intake answered ${posted.status}`);
    ids.push(((await posted.json()) as { id: string }).id);
    // One at a time, as leads arrive on a small business's site.
    await waitUntilDone(stack, ids[ids.length - 1]!);
  }
  const rows = await stack.connection.access.service((tx) =>
    tx.execute<{ total: number; job: number }>(sql`select
        extract(epoch from j.completed_at - m.created_at)::float8 * 1000 as total,
        extract(epoch from j.completed_at - j.started_at)::float8 * 1000 as job
      from lead_memory m join queue_jobs j on j.dedupe_key = 'enrich_lead:' || m.id
      where m.id in ${sql`(${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`}`),
  );
  return { total: summarize(rows.rows.map((row) => row.total)), job: summarize(rows.rows.map((row) => row.job)) };
}

async function waitUntilDone(stack: BenchStack, leadId: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const done = await stack.connection.access.service((tx) =>
      tx.execute(sql`select 1 from queue_jobs where dedupe_key = ${`enrich_lead:${leadId}`} and status = 'completed'`),
    );
    if (done.rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`lead ${leadId} not enriched within a minute`);
}
