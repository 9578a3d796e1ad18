import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { runScheduler } from '../../worker/features/outreach/scheduler';
import { DEFAULT_SENDING_LIMITS } from '../../worker/features/outreach/sending-rules';
import { signTrackingToken } from '../../worker/features/outreach/tokens';
import { createOutboxMailer } from '../../worker/platform/mail/outbox';
import type { Connection } from '../lib/database';
import { type LatencySummary, summarize } from '../lib/stats';

/**
 * Outreach's two figures the issue names: the tracking routes (the open pixel and the click
 * redirect, answered from the signed token alone, the event queued) and the scheduler
 * working through 10,000 due emails within its limits.
 */

export const BENCH_TRACKING_SECRET = 'bench-outreach-secret-of-at-least-32-chars';

export interface TrackingFigures {
  pixel: LatencySummary;
  redirect: LatencySummary;
  concurrent: { requests: number; concurrency: number; perSecond: number; latency: LatencySummary };
  /** Database round trips the proxy saw while the tracking requests ran. */
  databaseMessages: number;
}

const EMAIL_ID = '3f2a8c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
/** A mail client's request: an agent, a language, an address. */
const READER = {
  'User-Agent':
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'Accept-Language': 'fr-CA,fr;q=0.9',
  'CF-Connecting-IP': '203.0.113.9',
};

export async function benchTracking(
  worker: Miniflare,
  connection: Connection,
  options: { sequential: number; concurrent: number; concurrency: number },
): Promise<TrackingFigures> {
  const pixel = `http://localhost/o/p/${await signTrackingToken(BENCH_TRACKING_SECRET, { kind: 'open', emailId: EMAIL_ID })}`;
  const click = `http://localhost/o/c/${await signTrackingToken(BENCH_TRACKING_SECRET, {
    kind: 'click',
    emailId: EMAIL_ID,
    url: 'https://avenir.example/fr/exemple',
  })}`;
  const request = async (url: string, expected: number) => {
    const started = performance.now();
    const response = await worker.dispatchFetch(url, { headers: READER, redirect: 'manual' });
    await response.arrayBuffer();
    if (response.status !== expected) throw new Error(`${url} answered ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 50; i++) await request(pixel, 200); // warm: JIT, the token key
  for (let i = 0; i < 50; i++) await request(click, 302);

  const before = connection.proxyStats()!;
  const pixelSamples: number[] = [];
  const clickSamples: number[] = [];
  for (let i = 0; i < options.sequential; i++) {
    pixelSamples.push(await request(pixel, 200));
    clickSamples.push(await request(click, 302));
  }

  const concurrentSamples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.concurrent) {
        const index = next++;
        concurrentSamples.push(await request(index % 2 === 0 ? pixel : click, index % 2 === 0 ? 200 : 302));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = connection.proxyStats()!;
  return {
    pixel: summarize(pixelSamples),
    redirect: summarize(clickSamples),
    concurrent: {
      requests: options.concurrent,
      concurrency: options.concurrency,
      perSecond: options.concurrent / seconds,
      latency: summarize(concurrentSamples),
    },
    databaseMessages: after.roundTrips - before.roundTrips,
  };
}

export interface SchedulerFigures {
  due: number;
  mailboxes: number;
  /** The run that sends up to the day's global cap. */
  sending: { sent: number; seconds: number; perSecond: number; held: Record<string, number> };
  /** The next run, with every cap reached and the rest still due. */
  capped: { seconds: number; sent: number; held: Record<string, number> };
}

/**
 * 10,000 approved emails due now over five mailboxes, sent through the dev outbox (a
 * database write standing in for Gmail's call) with no spacing: the scheduler's own cost
 * per email (claim under the mailbox's lock, send, record, metrics, breaker), up to the
 * day's global cap (2,000, Workspace's), then a run that finds every cap reached.
 */
export async function benchScheduler(
  connection: Connection,
  clientId: string,
  due = 10_000,
  mailboxes = 5,
): Promise<SchedulerFigures> {
  const db = connection.access;
  await db.service(async (tx) => {
    const campaign = await tx.execute<{ id: string }>(sql`
      insert into outreach_campaigns (name, client_id, status, metadata)
      values ('Bench', ${clientId}, 'active', ${JSON.stringify({
        dailyCap: 2_000,
        identity: {
          senderName: 'Marie Tremblay',
          businessName: 'Avenir',
          postalAddress: '1000, rue De La Gauchetière Ouest, Montréal (Québec) H3B 0A2',
          contact: 'marie@avenir.test',
        },
      })}::jsonb) returning id`);
    const campaignId = campaign.rows[0]!.id;
    await tx.execute(sql`
      insert into prospect_candidates (business_name, website, domain, industry, region)
      select 'Entreprise ' || n, 'https://e' || n || '.test', 'e' || n || '.test', 'plumbing', 'QC'
        from generate_series(1, ${due}) n`);
    await tx.execute(sql`
      insert into outreach_emails (campaign_id, client_id, prospect_id, prospect_email, subject, content, status,
                                   scheduled_for, sender_email, follow_up_sequence, metadata)
      select ${campaignId}, ${clientId}, p.id, 'info@' || p.domain, 'Bonjour', 'Bonjour, un mot sur votre formulaire.',
             'approved', now() - interval '1 minute',
             'mailbox' || (row_number() over (order by p.id) % ${mailboxes}) || '@avenir.test', 1,
             ${JSON.stringify({ language: 'fr', html: '<p>Bonjour, <a href="https://avenir.example/fr">un exemple</a>.</p>', region: 'QC' })}::jsonb
        from prospect_candidates p where p.domain like 'e%.test'`);
  });
  await db.service((tx) => tx.execute(sql`analyze`));
  const deps = {
    db,
    mailer: createOutboxMailer(db),
    limits: {
      ...DEFAULT_SENDING_LIMITS,
      mailboxDailyCap: 2_000,
      warmupStart: 2_000,
      globalDailyCap: 2_000,
      windowStartHour: 0,
      windowEndHour: 24,
      weekends: true,
      spacingSeconds: 0,
      jitterSeconds: 0,
    },
    tracking: { appUrl: 'https://app.avenir.test', secret: BENCH_TRACKING_SECRET },
    addresses: { secret: BENCH_TRACKING_SECRET, domain: 'in.avenir.test' },
  };
  const held = (run: Awaited<ReturnType<typeof runScheduler>>) =>
    run.skipped.reduce<Record<string, number>>((counts, entry) => {
      counts[entry.reason] = (counts[entry.reason] ?? 0) + 1;
      return counts;
    }, {});

  let started = performance.now();
  const sending = await runScheduler(deps, { maxSends: due });
  const sendingSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const capped = await runScheduler(deps, { maxSends: due });
  const cappedSeconds = (performance.now() - started) / 1000;
  return {
    due,
    mailboxes,
    sending: {
      sent: sending.sent.length,
      seconds: sendingSeconds,
      perSecond: sending.sent.length / sendingSeconds,
      held: held(sending),
    },
    capped: { seconds: cappedSeconds, sent: capped.sent.length, held: held(capped) },
  };
}
