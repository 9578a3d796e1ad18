import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from '@neondatabase/serverless';
import { sql } from 'drizzle-orm';
import { type LatencySummary, summarize } from '../lib/stats';
import { BENCH_SITE, type BenchStack } from './stack';

export interface IntakeFigures {
  sequential: LatencySummary;
  concurrent: { concurrency: number; leads: number; seconds: number; perSecond: number; latency: LatencySummary };
  bareInsert: LatencySummary;
  ratioP50: number;
  roundTripsPerLead: number;
  connectionsPerLead: number;
}

/**
 * `POST /api/lead` on the local stack (the bundled Worker in workerd, the Neon driver, the
 * WebSocket proxy, PGlite), next to a bare one-row INSERT through the same driver and proxy.
 */
export async function benchIntake(
  stack: BenchStack,
  options: { sequential: number; concurrent: number; concurrency: number },
): Promise<IntakeFigures> {
  const { worker, connection, client, databaseUrl } = stack;
  const postLead = async () => {
    const started = performance.now();
    const response = await worker.dispatchFetch('http://localhost/api/lead', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: BENCH_SITE, 'CF-Connecting-IP': '203.0.113.9' },
      body: JSON.stringify({
        key: client.apiKey,
        name: 'Martin Gagnon',
        email: 'mgagnon@example.ca',
        message: 'Bonjour, j’aurais besoin d’une soumission pour refaire la toiture de mon bungalow à Laval.',
        language: 'fr',
        idempotencyKey: randomUUID(),
        elapsedMs: 12_000,
      }),
    });
    await response.arrayBuffer();
    if (response.status !== 201) throw new Error(`intake answered ${response.status}`);
    return performance.now() - started;
  };

  for (let i = 0; i < 50; i++) await postLead(); // warm: JIT, key cache

  const before = connection.proxyStats()!;
  const sequentialSamples: number[] = [];
  for (let i = 0; i < options.sequential; i++) sequentialSamples.push(await postLead());
  const after = connection.proxyStats()!;

  const concurrentSamples: number[] = [];
  let remaining = options.concurrent;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (remaining-- > 0) concurrentSamples.push(await postLead());
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  await connection.db.execute(
    sql`create table if not exists bench_bare (id uuid primary key default gen_random_uuid(), body text)`,
  );
  const bareSamples: number[] = [];
  for (let i = 0; i < options.sequential; i++) {
    // A new pool per insert, as the Worker opens one per request.
    const startedInsert = performance.now();
    const pool = new Pool({ connectionString: databaseUrl });
    await pool.query('insert into bench_bare (body) values ($1)', ['Bonjour, une soumission svp']);
    bareSamples.push(performance.now() - startedInsert);
    await pool.end();
  }

  const sequential = summarize(sequentialSamples);
  const bareInsert = summarize(bareSamples);
  return {
    sequential,
    concurrent: {
      concurrency: options.concurrency,
      leads: options.concurrent,
      seconds,
      perSecond: options.concurrent / seconds,
      latency: summarize(concurrentSamples),
    },
    bareInsert,
    ratioP50: sequential.p50 / bareInsert.p50,
    roundTripsPerLead: (after.roundTrips - before.roundTrips) / options.sequential,
    connectionsPerLead: (after.connections - before.connections) / options.sequential,
  };
}
