import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadActions, leadMemory, type NewLead } from '../../../schema';
import type { InsightsRefreshView, InsightsView, SettingsView } from '../../../schema/app-api';
import { startWorker } from '../../../scripts/lib/worker';
import { startOfLocalWeek } from '../../../worker/platform/local-time';
import { dashboardCall, type ErrorBody, type SignedInClient, signedInClient } from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { waitFor } from '../../support/wait';

/**
 * Growth insights in the real runtime: the Insights screen's API, the "Growth Copilot"
 * refresh through the queue and its limit, the Monday cron's fan-out and its digest (once
 * per client and week, however often the cron fires), the digest's "turn off" link, and
 * what one client can never see of another's.
 */

let database: TestDatabase;
let worker: Miniflare;

const HOUR = 3_600_000;

beforeAll(async () => {
  database = await startTestDatabase();
  worker = await startWorker({
    DATABASE_URL: database.databaseUrl,
    DATABASE_WS_PROXY: database.wsProxy,
    DEV_OUTBOX: 'on',
  });
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

/** `count` leads of the client, `hoursAgo` before `from`, triaged, each answered by the pipeline a minute later. */
async function insertLeads(
  client: SignedInClient,
  count: number,
  fields: Partial<NewLead> & { hoursAgo?: number; from?: Date } = {},
) {
  const { hoursAgo = 30, from = new Date(), ...rest } = fields;
  for (let n = 0; n < count; n++) {
    const at = new Date(from.getTime() - hoursAgo * HOUR - n * 60_000);
    const [lead] = await database.access.service((tx) =>
      tx
        .insert(leadMemory)
        .values({
          clientId: client.client.id,
          name: `Lead ${n}`,
          email: `lead-${randomUUID().slice(0, 8)}@example.ca`,
          message: 'Bonjour, une soumission pour une toiture?',
          language: 'fr',
          intent: 'Quote request',
          urgency: 'Medium',
          tone: 'Friendly',
          confidenceScore: 0.8,
          createdAt: at,
          ...rest,
        })
        .returning(),
    );
    await database.access.service((tx) =>
      tx.insert(leadActions).values({
        leadId: lead!.id,
        clientId: client.client.id,
        actionType: 'replied',
        performedBy: 'system',
        timestamp: new Date(at.getTime() + 60_000),
      }),
    );
  }
}

const newClient = (fields: { isTest?: boolean } = {}) => signedInClient(database, worker, fields);

async function view(client: SignedInClient, query = ''): Promise<InsightsView> {
  const response = await client.call('GET', `/api/app/insights${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as InsightsView;
}

async function refreshed(client: SignedInClient) {
  const response = await client.call('POST', '/api/app/insights/refresh');
  expect(response.status).toBe(202);
  await waitFor(
    async () => {
      const state = (await (await client.call('GET', '/api/app/insights/refresh')).json()) as InsightsRefreshView;
      return state.state === 'idle';
    },
    30_000,
    'the refresh to finish',
  );
}

describe('the Insights API', () => {
  it('answers only a signed-in client', async () => {
    const response = await dashboardCall(worker, 'GET', '/api/app/insights');
    expect(response.status).toBe(401);
  });

  it('shows a client with no lead an empty analysis and every refresh still available', async () => {
    const client = await newClient();
    const insights = await view(client);
    expect(insights.stored).toBeNull();
    expect(insights.analysis?.totalLeads).toBe(0);
    expect(insights.refresh).toMatchObject({ state: 'idle', limit: 3, remaining: 3, retryAt: null });
  });

  it('computes the figures of the period asked for, and refuses a period that is not one', async () => {
    const client = await newClient();
    await insertLeads(client, 3, { hoursAgo: 30 });
    await insertLeads(client, 2, { hoursAgo: 20 * 24 });
    expect((await view(client)).analysis?.figures.counts.leads).toBe(3);
    expect((await view(client, '?period=4w')).analysis?.figures.counts.leads).toBe(5);

    const backwards = await client.call('GET', '/api/app/insights?period=custom&from=2026-11-20&to=2026-11-10', {
      headers: { 'Accept-Language': 'fr-CA' },
    });
    expect(backwards.status).toBe(422);
    expect(((await backwards.json()) as ErrorBody).error.message).toBe('Le dernier jour vient avant le premier.');
    const unknown = await client.call('GET', '/api/app/insights?period=year');
    expect(unknown.status).toBe(422);
  });
});

describe('Growth Copilot: the refresh', () => {
  it('analyses now through the queue, then shows the new figures and recommendations', async () => {
    const client = await newClient();
    await insertLeads(client, 4);
    await refreshed(client);
    const insights = await view(client);
    expect(insights.stored?.insights.engine).toBe('offline');
    expect(insights.analysis?.totalLeads).toBe(4);
    const recommendations = insights.stored?.insights.fr.recommendations ?? [];
    expect(recommendations.length).toBeGreaterThanOrEqual(3);
    expect(recommendations.length).toBeLessThanOrEqual(5);
    expect(insights.refresh.remaining).toBe(2);
  });

  it('allows three refreshes an hour, then answers 429 with Retry-After, in the reader’s language', async () => {
    const client = await newClient();
    await insertLeads(client, 2);
    for (let n = 0; n < 3; n++) await refreshed(client);
    const limited = await client.call('POST', '/api/app/insights/refresh', { headers: { 'Accept-Language': 'fr' } });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(60 * 50);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(((await limited.json()) as ErrorBody).error.message).toMatch(/3 fois par heure/);
    const [jobs] = await rows<{ count: string }>(sql`select count(*) from queue_jobs
      where dedupe_key like ${`intelligence_analysis:${client.client.id}:refresh:%`}`);
    expect(Number(jobs!.count)).toBe(3);
  });

  it("never lets one client's refresh or figures reach another client", async () => {
    const alice = await newClient();
    const bob = await newClient();
    await insertLeads(alice, 2);
    await insertLeads(bob, 9);
    await refreshed(alice);
    // A client names no other client anywhere: an id in the query changes nothing.
    const insights = await view(alice, `?client=${bob.client.id}&clientId=${bob.client.id}`);
    expect(insights.analysis?.totalLeads).toBe(2);
    expect(await rows(sql`select 1 from growth_brain where client_id = ${bob.client.id}`)).toHaveLength(0);
    expect((await view(bob)).stored).toBeNull();
    expect((await view(bob)).analysis?.totalLeads).toBe(9);
  });
});

describe('the Monday run and its digest', () => {
  /** 11:00 UTC on the Monday of this week, when the cron fires. */
  const monday = new Date(startOfLocalWeek('America/Toronto', new Date()).getTime() + 6 * HOUR);
  const fire = async () => (await worker.getWorker()).scheduled({ cron: '0 11 * * 1', scheduledTime: monday });

  it('analyses every client and mails each digest once, however often the cron fires', async () => {
    const owner = await newClient();
    const quiet = await newClient();
    const optedOut = await newClient();
    for (const client of [owner, optedOut]) await insertLeads(client, 3, { from: monday, hoursAgo: 2 * 24 });
    const off = await optedOut.call('PATCH', '/api/app/settings', { body: { weeklyDigest: false } });
    expect(((await off.json()) as SettingsView).weeklyDigest).toBe(false);

    expect((await fire()).outcome).toBe('ok');
    const clients = [owner, quiet, optedOut].map((client) => client.client.id);
    const analysed = () =>
      rows(
        sql`select client_id from growth_brain where client_id in (${sql.join(
          clients.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
    await waitFor(async () => (await analysed()).length === 3, 60_000, 'every client analysed');
    // The second firing names the same week: the same jobs, already done.
    expect((await fire()).outcome).toBe('ok');
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const digests = await rows<{ client_id: string; status: string; subject: string }>(
      sql`select client_id, status, subject from sent_emails where kind = 'digest' and client_id in (${sql.join(
        clients.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    expect(digests).toEqual([{ client_id: owner.client.id, status: 'sent', subject: expect.stringContaining('3') }]);
    const [mail] = await rows<{ raw: string }>(sql`select raw_mime as raw from dev_outbox
      where to_address like ${`%${owner.client.email}%`} and subject = ${digests[0]!.subject}`);
    expect(mail?.raw).toMatch(/^List-Unsubscribe: <http[^>]+\/digest\/off\?token=[0-9a-f]{32}>/m);
    expect(mail?.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);

    const [job] = await rows<{ status: string; attempts: number }>(sql`select status, attempts from queue_jobs
      where dedupe_key = ${`intelligence_analysis:${owner.client.id}:weekly:${startOfLocalWeek('America/Toronto', monday).toISOString()}`}`);
    expect(job).toEqual({ status: 'completed', attempts: 1 });
  });

  it('turns the digest off from its link: the page asks, the button does it', async () => {
    const client = await newClient();
    const [row] = await rows<{ digest_token: string }>(
      sql`select digest_token from clients where id = ${client.client.id}`,
    );
    const link = `/digest/off?token=${row!.digest_token}`;
    const page = await dashboardCall(worker, 'GET', link, { origin: null });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post"');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    // Opening the link (a mail scanner does) changes nothing.
    expect((await rows(sql`select 1 from clients where id = ${client.client.id} and weekly_digest`)).length).toBe(1);

    const done = await dashboardCall(worker, 'POST', link, {
      origin: null,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    expect((await rows(sql`select 1 from clients where id = ${client.client.id} and weekly_digest`)).length).toBe(0);

    const forged = await dashboardCall(worker, 'POST', `/digest/off?token=${'0'.repeat(32)}`, { origin: null });
    expect(forged.status).toBe(404);
  });
});
