import { sql } from 'drizzle-orm';
import { outboundHostPacing } from '../../../schema/prospects';
import type { DatabaseAccess } from '../db';

/** Spaces the requests to one outside host, whichever worker makes them. */
export interface HostPacer {
  /**
   * Resolves when a request to `host` may be sent. `intervalMs` asks for a longer gap
   * before the next request than the pacer's own (a robots.txt Crawl-delay); it is capped
   * at MAX_CRAWL_DELAY_MS and never shortens the pacer's interval.
   */
  wait(host: string, signal?: AbortSignal, intervalMs?: number): Promise<void>;
}

/** The longest Crawl-delay honoured: a site asking for more is still paced at this. */
export const MAX_CRAWL_DELAY_MS = 10_000;

export interface SlotWait {
  host: string;
  /** When the reserved slot opens, by the database's clock. */
  slot: Date;
  signal?: AbortSignal | undefined;
}

export interface DatabasePacerOptions {
  intervalMs?: number;
  /** Waits `delayMs` (never negative); replaced in tests to record the slots. */
  sleep?: (delayMs: number, wait: SlotWait) => Promise<void>;
}

/**
 * A pacer whose schedule is the `outbound_host_pacing` table, so every worker and CLI
 * process, each on its own connection, keeps one request per interval per host. One
 * statement both reads and moves the host's next free slot: the row lock of the upsert
 * orders concurrent callers, and each leaves with its own slot. The delay is computed by
 * the database against its own now(), so the clocks of the workers do not matter.
 */
export function createDatabasePacer(db: DatabaseAccess, options: DatabasePacerOptions = {}): HostPacer {
  const baseIntervalMs = options.intervalMs ?? 1000;
  const sleep = options.sleep ?? sleepFor;
  return {
    async wait(host, signal, intervalMs) {
      signal?.throwIfAborted();
      const requested = intervalMs === undefined ? 0 : Math.min(Math.max(intervalMs, 0), MAX_CRAWL_DELAY_MS);
      const gapMs = Math.max(baseIntervalMs, requested);
      const key = host.toLowerCase();
      const { rows } = await db.service((tx) =>
        tx.execute<{ slot_ms: number; delay_ms: number }>(sql`
          insert into ${outboundHostPacing} (host, next_at)
          values (${key}, now() + ${gapMs}::double precision * interval '1 millisecond')
          on conflict (host) do update
            set next_at = greatest(${outboundHostPacing}.next_at, now()) + ${gapMs}::double precision * interval '1 millisecond'
          returning
            (extract(epoch from next_at) * 1000 - ${gapMs}::double precision)::double precision as slot_ms,
            (extract(epoch from next_at - now()) * 1000 - ${gapMs}::double precision)::double precision as delay_ms`),
      );
      const row = rows[0];
      if (!row) throw new Error(`no pacing slot was reserved for ${key}`);
      await sleep(Math.max(0, Number(row.delay_ms)), { host: key, slot: new Date(Number(row.slot_ms)), signal });
    },
  };
}

function sleepFor(delayMs: number, { signal }: SlotWait): Promise<void> {
  if (delayMs <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
