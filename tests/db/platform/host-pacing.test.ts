import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabasePacer, MAX_CRAWL_DELAY_MS, type SlotWait } from '../../../worker/platform/fetch/host-pacing';
import { startTestDatabase, type TestDatabase } from '../../support/database';

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

/** A sleep that returns at once and records the slot each caller was given. */
function recordingSleep() {
  const waits: Array<{ delayMs: number } & SlotWait> = [];
  return { waits, sleep: async (delayMs: number, wait: SlotWait) => void waits.push({ delayMs, ...wait }) };
}

const gaps = (slots: Date[]) => {
  const sorted = slots.map((slot) => slot.getTime()).sort((a, b) => a - b);
  // To the microsecond, Postgres's precision: epoch milliseconds in a double carry rounding below it.
  return sorted.slice(1).map((time, i) => Math.round((time - sorted[i]!) * 1000) / 1000);
};

describe('the database host pacer', () => {
  it('gives 10 concurrent callers for one host slots at least an interval apart', async () => {
    const { waits, sleep } = recordingSleep();
    const pacer = createDatabasePacer(database.access, { intervalMs: 1000, sleep });
    await Promise.all(Array.from({ length: 10 }, () => pacer.wait('plomberie-tremblay.ca')));
    expect(waits).toHaveLength(10);
    for (const gap of gaps(waits.map((wait) => wait.slot))) expect(gap).toBeGreaterThanOrEqual(1000);
    // The first caller does not wait; the last waits about nine intervals.
    const delays = waits.map((wait) => wait.delayMs).sort((a, b) => a - b);
    expect(delays[0]).toBeLessThan(1000);
    expect(delays[9]).toBeGreaterThan(8000);
    expect(delays[9]).toBeLessThanOrEqual(9000);
  });

  it('keeps the schedule across pacers, as separate workers would', async () => {
    const { waits, sleep } = recordingSleep();
    const pacers = Array.from({ length: 3 }, () => createDatabasePacer(database.access, { intervalMs: 500, sleep }));
    await Promise.all(pacers.flatMap((pacer) => [pacer.wait('toitures-laval.ca'), pacer.wait('TOITURES-LAVAL.CA')]));
    expect(new Set(waits.map((wait) => wait.host))).toEqual(new Set(['toitures-laval.ca']));
    for (const gap of gaps(waits.map((wait) => wait.slot))) expect(gap).toBeGreaterThanOrEqual(500);
  });

  it('does not make different hosts wait for each other', async () => {
    const { waits, sleep } = recordingSleep();
    const pacer = createDatabasePacer(database.access, { intervalMs: 1000, sleep });
    const hosts = Array.from({ length: 8 }, (_, i) => `site-${i}.example.ca`);
    await Promise.all(hosts.map((host) => pacer.wait(host)));
    expect(waits.map((wait) => wait.host).sort()).toEqual([...hosts].sort());
    for (const wait of waits) expect(wait.delayMs, wait.host).toBeLessThan(1000);
  });

  it('spaces by a longer crawl delay when asked, capped at 10 s, never shorter than the interval', async () => {
    const { waits, sleep } = recordingSleep();
    const pacer = createDatabasePacer(database.access, { intervalMs: 1000, sleep });
    await pacer.wait('slow.example.ca', undefined, 5000);
    await pacer.wait('slow.example.ca', undefined, 5000);
    expect(gaps(waits.map((wait) => wait.slot))).toEqual([5000]);

    await pacer.wait('greedy.example.ca', undefined, 60_000);
    await pacer.wait('greedy.example.ca');
    await pacer.wait('eager.example.ca', undefined, 10);
    await pacer.wait('eager.example.ca');
    const slot = (host: string) => waits.filter((wait) => wait.host === host).map((wait) => wait.slot);
    expect(gaps(slot('greedy.example.ca'))).toEqual([MAX_CRAWL_DELAY_MS]);
    expect(gaps(slot('eager.example.ca'))).toEqual([1000]);

    const { rows } = await database.access.service((tx) =>
      tx.execute<{ n: number }>(
        sql`select count(*)::int as n from outbound_host_pacing where host like '%.example.ca'`,
      ),
    );
    expect(rows[0]!.n).toBe(11);
  });

  it('gives up waiting when the signal aborts', async () => {
    const pacer = createDatabasePacer(database.access, { intervalMs: 60_000 });
    await pacer.wait('aborted.example.ca');
    const controller = new AbortController();
    const waiting = pacer.wait('aborted.example.ca', controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(waiting).rejects.toThrow('stop');
    await expect(pacer.wait('aborted.example.ca', AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});
