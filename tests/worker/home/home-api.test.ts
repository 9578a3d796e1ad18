import { randomUUID } from 'node:crypto';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadActions, leadMemory, type NewLead } from '../../../schema';
import type { HomeView } from '../../../schema/app-api';
import type { LeadActionType } from '../../../schema/vocabulary';
import { startWorker } from '../../../scripts/lib/worker';
import { startOfLocalDay } from '../../../worker/platform/local-time';
import {
  dashboardCall,
  type ErrorBody,
  type SignedInClient,
  signedInClient,
  type WorkerResponse,
} from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The home (GET /api/app/home) in the real runtime, signed in as a client: what a client
 * sees on the first screen after sign-in, and what must never reach it. Each test has a
 * client of its own, so its figures are its own.
 */

let database: TestDatabase;
let worker: Miniflare;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

beforeAll(async () => {
  database = await startTestDatabase();
  worker = await startWorker(
    { DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy },
    { queueConsumers: false },
  );
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

const newClient = (fields: { isTest?: boolean } = {}) => signedInClient(database, worker, fields);

async function insertLead(client: SignedInClient, fields: Partial<NewLead> & { at?: Date } = {}) {
  const { at, ...rest } = fields;
  const [lead] = await database.access.service((tx) =>
    tx
      .insert(leadMemory)
      .values({
        clientId: client.client.id,
        name: 'Alex Martin',
        email: `lead-${randomUUID().slice(0, 8)}@example.ca`,
        message: 'Hello',
        language: 'en',
        ...(at ? { createdAt: at } : {}),
        ...rest,
      })
      .returning(),
  );
  return lead!;
}

/** A timeline entry at a given time, as the pipeline or a dashboard user wrote it. */
async function insertAction(
  client: SignedInClient,
  leadId: string,
  fields: { action: LeadActionType; by: string; at: Date; isTest?: boolean; tag?: string },
) {
  await database.access.service((tx) =>
    tx.insert(leadActions).values({
      leadId,
      clientId: client.client.id,
      actionType: fields.action,
      performedBy: fields.by,
      timestamp: fields.at,
      isTest: fields.isTest ?? false,
      tag: fields.tag ?? null,
    }),
  );
}

async function home(client: SignedInClient, query = '', headers: Record<string, string> = {}): Promise<HomeView> {
  const response = await client.call('GET', `/api/app/home${query}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as HomeView;
}

const errorOf = async (response: WorkerResponse) => ((await response.json()) as ErrorBody).error;
const ago = (ms: number) => new Date(Date.now() - ms);

describe('GET /api/app/home: urgent leads no person has answered', () => {
  it('lists an urgent lead until a person tags, notes or archives it, the longest waiting first', async () => {
    const client = await newClient();
    const leak = await insertLead(client, {
      name: 'Sophie Tremblay',
      urgency: 'High',
      intent: 'Support request',
      language: 'fr',
      message: "Il y a de l'eau qui coule du plafond, juste à côté du panneau électrique.",
      aiSummary: 'Fuite d’eau près du panneau électrique',
      at: ago(3 * HOUR),
    });
    const outage = await insertLead(client, { name: 'Omar', urgency: 'High', at: ago(2 * HOUR) });
    const deadline = await insertLead(client, { name: 'Dana', urgency: 'High', at: ago(1 * HOUR) });
    await insertLead(client, { name: 'Not urgent', urgency: 'Medium', at: ago(4 * HOUR) });
    await insertLead(client, { name: 'Not triaged', at: ago(5 * HOUR) });
    // What the machines write is no answer from a person.
    for (const lead of [leak, outage, deadline]) {
      await insertAction(client, lead.id, { action: 'created', by: 'widget', at: lead.createdAt });
    }
    await insertAction(client, leak.id, { action: 'replied', by: 'system', at: ago(3 * HOUR - MINUTE) });
    await insertAction(client, leak.id, { action: 'notified', by: 'system', at: ago(3 * HOUR - MINUTE) });

    const before = await home(client);
    expect(before.urgent.total).toBe(3);
    expect(before.urgent.leads.map((lead) => lead.name)).toEqual(['Sophie Tremblay', 'Omar', 'Dana']);
    const first = before.urgent.leads[0]!;
    expect(first).toMatchObject({
      id: leak.id,
      urgency: 'High',
      intent: { key: 'support_request', en: 'Support request', fr: 'Demande de soutien' },
      language: 'fr',
      aiSummary: 'Fuite d’eau près du panneau électrique',
      messageExcerpt: "Il y a de l'eau qui coule du plafond, juste à côté du panneau électrique.",
      autoReplied: true,
      unread: true,
      createdAt: leak.createdAt.toISOString(),
    });
    expect(first.waitedMinutes).toBeGreaterThanOrEqual(180);
    expect(first.waitedMinutes).toBeLessThan(182);
    expect(before.urgent.leads[1]).toMatchObject({ autoReplied: false, intent: null });
    expect(before.urgent.link).toEqual({ screen: 'inbox', query: 'urgency=High&sort=oldest' });
    const linked = await client.call('GET', `/api/app/leads?${before.urgent.link.query}`);
    expect(((await linked.json()) as { leads: { name: string }[] }).leads.map((lead) => lead.name)).toEqual([
      'Sophie Tremblay',
      'Omar',
      'Dana',
    ]);

    // Opening a lead is reading it, not answering it.
    expect((await client.call('GET', `/api/app/leads/${leak.id}`)).status).toBe(200);
    expect((await home(client)).urgent.leads[0]).toMatchObject({ id: leak.id, unread: false });

    const tagged = await client.call('POST', '/api/app/leads/actions', {
      body: { ids: [leak.id], action: 'tag', tag: 'Hot Lead' },
    });
    expect(tagged.status).toBe(200);
    expect((await home(client)).urgent.leads.map((lead) => lead.name)).toEqual(['Omar', 'Dana']);

    const noted = await client.call('POST', `/api/app/leads/${outage.id}/notes`, { body: { note: 'Rappelé à 14 h' } });
    expect(noted.status).toBe(201);
    expect((await home(client)).urgent.leads.map((lead) => lead.name)).toEqual(['Dana']);

    const archived = await client.call('POST', '/api/app/leads/actions', {
      body: { ids: [deadline.id], action: 'archive' },
    });
    expect(archived.status).toBe(200);
    const after = await home(client);
    expect(after.urgent).toMatchObject({ total: 0, leads: [] });
  });

  it('lists at most five, and counts them all', async () => {
    const client = await newClient();
    for (let n = 1; n <= 7; n++) await insertLead(client, { name: `Urgent ${n}`, urgency: 'High', at: ago(n * HOUR) });
    const view = await home(client);
    expect(view.urgent.total).toBe(7);
    expect(view.urgent.limit).toBe(5);
    expect(view.urgent.leads.map((lead) => lead.name)).toEqual([
      'Urgent 7',
      'Urgent 6',
      'Urgent 5',
      'Urgent 4',
      'Urgent 3',
    ]);
  });

  it('cuts a long message to an excerpt', async () => {
    const client = await newClient();
    await insertLead(client, { urgency: 'High', message: `${'Notre toiture coule encore. '.repeat(100)}Fin.` });
    const [lead] = (await home(client)).urgent.leads;
    expect(Array.from(lead!.messageExcerpt).length).toBeLessThanOrEqual(160);
    expect(lead!.messageExcerpt).toMatch(/^Notre toiture coule encore\. .*…$/);
  });
});

describe('GET /api/app/home: what never counts', () => {
  it('never counts a lead in the Spam folder, whatever put it there', async () => {
    const client = await newClient();
    const pitch = await insertLead(client, { name: 'Pitch', urgency: 'High', intent: 'Vendor pitch', at: ago(HOUR) });
    await insertLead(client, { name: 'Junk', urgency: 'High', intent: 'Spam', at: ago(HOUR) });
    await insertLead(client, { name: 'Bot', urgency: 'High', isSpam: true, spamReason: 'too_fast', at: ago(HOUR) });
    const verdict = await insertLead(client, { name: 'Verdict', urgency: 'High', spamVerdict: 'spam', at: ago(HOUR) });
    // A person acting on them does not make them leads the median is taken over.
    await insertAction(client, pitch.id, { action: 'marked_spam', by: client.client.email, at: ago(HOUR - MINUTE) });
    await insertAction(client, verdict.id, { action: 'noted', by: client.client.email, at: ago(HOUR - MINUTE) });
    const view = await home(client);
    expect(view.urgent).toMatchObject({ total: 0, leads: [] });
    expect(view.newToday.count).toBe(0);
    expect(view.firstHumanAction).toMatchObject({ medianMinutes: null, leads: 0 });
    // They are leads all the same: the home is not the onboarding.
    expect(view.hasAnyLead).toBe(true);
  });

  it('never counts another client’s leads, replies or actions', async () => {
    const owner = await newClient();
    const other = await newClient();
    const theirs = await insertLead(other, { name: 'Theirs', urgency: 'High', at: ago(30 * MINUTE) });
    await insertAction(other, theirs.id, { action: 'replied', by: 'system', at: ago(29 * MINUTE) });
    const handled = await insertLead(other, { name: 'Handled', urgency: 'High', at: ago(2 * HOUR) });
    await insertAction(other, handled.id, { action: 'noted', by: other.client.email, at: ago(HOUR) });

    const mine = await home(owner);
    expect(mine).toMatchObject({
      urgent: { total: 0, leads: [] },
      newToday: { count: 0 },
      autoReplies: { today: 0, week: 0 },
      firstHumanAction: { medianMinutes: null, leads: 0 },
      hasAnyLead: false,
    });
    // The other client sees its own.
    const theirsView = await home(other);
    expect(theirsView.urgent.leads.map((lead) => lead.name)).toEqual(['Theirs']);
    expect(theirsView.autoReplies.week).toBe(1);
    expect(theirsView.firstHumanAction).toEqual(expect.objectContaining({ medianMinutes: 60, leads: 1 }));
  });

  it('leaves test leads out for a real client, as the inbox does, and counts them for a test client', async () => {
    const client = await newClient();
    const test = await insertLead(client, { name: 'Test', urgency: 'High', isTest: true, at: ago(HOUR) });
    await insertAction(client, test.id, { action: 'replied', by: 'system', at: ago(HOUR - MINUTE), isTest: true });
    const real = await home(client);
    expect(real).toMatchObject({
      urgent: { total: 0 },
      newToday: { count: 0 },
      autoReplies: { week: 0 },
      hasAnyLead: false,
      // A test lead sent from the onboarding: the dashboard can point to it (inbox `test=1`).
      testLeadsOnly: true,
    });

    const demo = await newClient({ isTest: true });
    const demoLead = await insertLead(demo, { name: 'Demo', urgency: 'High', isTest: true, at: ago(HOUR) });
    await insertAction(demo, demoLead.id, { action: 'replied', by: 'system', at: ago(HOUR - MINUTE), isTest: true });
    expect(await home(demo)).toMatchObject({
      urgent: { total: 1 },
      autoReplies: { week: 1 },
      hasAnyLead: true,
      testLeadsOnly: false,
    });
  });
});

describe('GET /api/app/home: today, in the reader’s time zone', () => {
  it('does not count a lead from 23:30 last night in Toronto as today’s', async () => {
    const client = await newClient();
    const now = new Date();
    const midnight = startOfLocalDay('America/Toronto', now);
    await insertLead(client, { name: 'Last night', at: new Date(midnight.getTime() - 30 * MINUTE) });
    // Since midnight, however soon after it the test runs.
    const sinceMidnight = new Date(Math.max(midnight.getTime() + 1, now.getTime() - MINUTE));
    await insertLead(client, { name: 'This morning', at: sinceMidnight });
    await insertLead(client, { name: 'Archived', archived: true, at: sinceMidnight });
    await insertLead(client, { name: 'Deleted', deleted: true, at: sinceMidnight });

    const toronto = await home(client, '?tz=America/Toronto');
    expect(toronto.timeZone).toBe('America/Toronto');
    expect(toronto.periods.today).toBe(midnight.toISOString());
    expect(toronto.newToday.count).toBe(2);
    expect(toronto.newToday.link).toEqual({
      screen: 'inbox',
      query: new URLSearchParams({ from: midnight.toISOString() }).toString(),
    });
    // Toronto is the default.
    expect((await home(client)).newToday.count).toBe(2);
    // The figure's link is a filter the inbox takes: today's active leads (the archived one is in its tab).
    const linked = await client.call('GET', `/api/app/leads?${toronto.newToday.link.query}`);
    expect(linked.status).toBe(200);
    const page = (await linked.json()) as { leads: { name: string }[]; counts: { archived: number } };
    expect(page.leads.map((lead) => lead.name)).toEqual(['This morning']);
    expect(page.counts.archived).toBe(1);

    // Halifax is an hour ahead: 23:30 in Toronto is 00:30 there, already today (unless it is
    // now past 23:00 in Toronto, when Halifax has moved on to tomorrow).
    const torontoHour = Number(
      new Intl.DateTimeFormat('en-US', { timeZone: 'America/Toronto', hour: 'numeric', hourCycle: 'h23' }).format(now),
    );
    if (torontoHour < 23) expect((await home(client, '?tz=America/Halifax')).newToday.count).toBe(3);
  });

  it('takes the browser’s name of a zone in any case, and answers with its canonical name', async () => {
    const client = await newClient();
    expect((await home(client, '?tz=asia/tokyo')).timeZone).toBe('Asia/Tokyo');
  });

  it('refuses a time zone that does not exist, in the reader’s language', async () => {
    const client = await newClient();
    const french = await client.call('GET', '/api/app/home?tz=Mars%2FOlympus', {
      headers: { 'Accept-Language': 'fr-CA' },
    });
    expect(french.status).toBe(422);
    const error = await errorOf(french);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toBe('Utilisez un nom de fuseau horaire comme America/Toronto.');
    expect(error.details?.fields?.tz).toEqual(['Utilisez un nom de fuseau horaire comme America/Toronto.']);

    const english = await client.call('GET', '/api/app/home?tz=', { headers: { 'Accept-Language': 'en' } });
    expect(english.status).toBe(422);
    expect((await errorOf(english)).message).toBe('Use a time zone name such as America/Toronto.');
    // Twice is not one zone.
    expect((await client.call('GET', '/api/app/home?tz=UTC&tz=UTC')).status).toBe(422);
  });
});

describe('GET /api/app/home: automatic replies', () => {
  it('counts the pipeline’s replies today and over the week, nothing else', async () => {
    const client = await newClient();
    const now = new Date();
    const midnight = startOfLocalDay('America/Toronto', now);
    const weekStart = startOfLocalDay('America/Toronto', now, 6);
    const lead = await insertLead(client, { at: new Date(weekStart.getTime() - HOUR) });
    const sinceMidnight = new Date(Math.max(midnight.getTime() + 1, now.getTime() - MINUTE));
    await insertAction(client, lead.id, { action: 'replied', by: 'system', at: sinceMidnight });
    await insertAction(client, lead.id, { action: 'replied', by: 'system', at: new Date(midnight.getTime() - MINUTE) });
    await insertAction(client, lead.id, {
      action: 'replied',
      by: 'system',
      at: new Date(weekStart.getTime() + MINUTE),
    });
    // Before the week, a notification, a test lead's reply: not counted.
    await insertAction(client, lead.id, {
      action: 'replied',
      by: 'system',
      at: new Date(weekStart.getTime() - MINUTE),
    });
    await insertAction(client, lead.id, { action: 'notified', by: 'system', at: sinceMidnight });
    await insertAction(client, lead.id, { action: 'replied', by: 'system', at: sinceMidnight, isTest: true });

    const view = await home(client);
    expect(view.autoReplies.today).toBe(1);
    expect(view.autoReplies.week).toBe(3);
    expect(view.periods.week).toBe(weekStart.toISOString());
    expect(view.autoReplies.weekLink).toEqual({
      screen: 'activity',
      query: new URLSearchParams({ action: 'replied', from: weekStart.toISOString() }).toString(),
    });
    // The activity log takes it, and lists those replies (the test lead's too: it has no test filter).
    const linked = await client.call('GET', `/api/app/activity?${view.autoReplies.todayLink.query}`);
    expect(linked.status).toBe(200);
    expect(((await linked.json()) as { activity: unknown[] }).activity).toHaveLength(2);
  });
});

describe('GET /api/app/home: time to a first human action', () => {
  it('is the median over this week’s leads a person acted on: 10, 20 and 40 minutes give 20', async () => {
    const client = await newClient();
    const arrived = ago(5 * HOUR);
    const minutesIn = (minutes: number) => new Date(arrived.getTime() + minutes * MINUTE);
    const person = client.client.email;
    const leads = [];
    for (const minutes of [10, 20, 40]) {
      const lead = await insertLead(client, { at: arrived });
      await insertAction(client, lead.id, { action: 'created', by: 'widget', at: arrived });
      // The auto-reply comes first, and is no person's.
      await insertAction(client, lead.id, { action: 'replied', by: 'system', at: minutesIn(1) });
      await insertAction(client, lead.id, { action: 'tagged', tag: 'Hot Lead', by: person, at: minutesIn(minutes) });
      leads.push(lead);
    }
    // Only the first human action counts.
    await insertAction(client, leads[0]!.id, { action: 'archived', by: person, at: minutesIn(200) });
    // Not acted on yet, or from before the week: not in the median.
    await insertLead(client, { at: arrived });
    const old = await insertLead(client, { at: ago(9 * 24 * HOUR) });
    await insertAction(client, old.id, { action: 'noted', by: person, at: ago(9 * 24 * HOUR - 5 * MINUTE) });

    const view = await home(client);
    expect(view.firstHumanAction).toMatchObject({ medianMinutes: 20, leads: 3 });
    expect(view.firstHumanAction.link.screen).toBe('inbox');

    // An even count takes the middle two's mean (percentile_cont).
    const fourth = await insertLead(client, { at: arrived });
    await insertAction(client, fourth.id, { action: 'noted', by: person, at: minutesIn(30) });
    expect((await home(client)).firstHumanAction).toMatchObject({ medianMinutes: 25, leads: 4 });
  });

  it('counts what a person does through the dashboard', async () => {
    const client = await newClient();
    const lead = await insertLead(client, { at: ago(90 * MINUTE) });
    const response = await client.call('POST', `/api/app/leads/${lead.id}/notes`, {
      body: { note: 'Rappeler demain' },
    });
    expect(response.status).toBe(201);
    const { firstHumanAction } = await home(client);
    expect(firstHumanAction.leads).toBe(1);
    expect(firstHumanAction.medianMinutes).toBeGreaterThanOrEqual(90);
    expect(firstHumanAction.medianMinutes).toBeLessThan(91);
  });
});

describe('GET /api/app/home: an empty account', () => {
  it('has no lead: the home is the onboarding, every figure zero', async () => {
    const client = await newClient();
    const view = await home(client);
    expect(view).toMatchObject({
      timeZone: 'America/Toronto',
      urgent: { total: 0, limit: 5, leads: [] },
      newToday: { count: 0 },
      autoReplies: { today: 0, week: 0 },
      firstHumanAction: { medianMinutes: null, leads: 0 },
      hasAnyLead: false,
      testLeadsOnly: false,
    });
    expect(Date.parse(view.asOf)).toBeGreaterThan(Date.now() - MINUTE);
  });

  it('is behind the session wall', async () => {
    const response = await dashboardCall(worker, 'GET', '/api/app/home');
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe('unauthenticated');
  });
});
