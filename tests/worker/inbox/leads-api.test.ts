import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadMemory, type NewLead, sentEmails } from '../../../schema';
import { startWorker } from '../../../scripts/lib/worker';
import {
  dashboardCall,
  type ErrorBody,
  FOREIGN_ORIGIN,
  type SignedInClient,
  signedInClient,
  type WorkerResponse,
} from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The lead inbox (/api/app/leads, /api/app/activity) in the real runtime, signed in as a
 * client, with a second client whose ids must never reach the first one's data.
 */

let database: TestDatabase;
let worker: Miniflare;
let owner: SignedInClient;
let other: SignedInClient;

interface LeadJson {
  id: string;
  name: string;
  intent: { key: string; en: string; fr: string } | null;
  urgency: string | null;
  currentTag: string | null;
  archived: boolean;
  deleted: boolean;
  isTest: boolean;
  unread: boolean;
}
interface PageJson {
  leads: LeadJson[];
  nextCursor: string | null;
  counts: { active: number; archived: number; spam: number; deleted: number; byUrgency: Record<string, number> };
}

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

async function insertLead(clientId: string, fields: Partial<NewLead> & { at?: string } = {}) {
  const { at, ...rest } = fields;
  const [lead] = await database.access.service((tx) =>
    tx
      .insert(leadMemory)
      .values({
        clientId,
        name: 'Alex Martin',
        email: `lead-${randomUUID().slice(0, 8)}@example.ca`,
        message: 'Hello',
        language: 'en',
        ...(at ? { createdAt: sql`${at}::timestamptz` } : {}),
        ...rest,
      })
      .returning(),
  );
  return lead!;
}

const json = async <T>(response: WorkerResponse) => (await response.json()) as T;
const errorOf = async (response: WorkerResponse) => (await json<ErrorBody>(response)).error;
const list = async (query = '') => {
  const response = await owner.call('GET', `/api/app/leads${query}`);
  expect(response.status).toBe(200);
  return json<PageJson>(response);
};
const names = (page: PageJson) => page.leads.map((lead) => lead.name);

const lead = {} as Record<'roof' | 'plumber' | 'archived' | 'deleted' | 'test', string>;
const SAME_INSTANT = '2026-03-20T08:00:00.000001Z';

beforeAll(async () => {
  database = await startTestDatabase();
  worker = await startWorker({ DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy });
  owner = await signedInClient(database, worker);
  other = await signedInClient(database, worker);
  const id = owner.client.id;
  lead.roof = (
    await insertLead(id, {
      name: 'Jean Tremblay',
      email: 'jean@toits-tremblay.ca',
      message: "Réparation des toitures du chalet avant l'hiver",
      language: 'fr',
      urgency: 'High',
      intent: 'Quote request',
      tone: 'Formal',
      confidenceScore: 0.9,
      aiSummary: 'Réparer le toit du chalet',
      toneHistory: [{ value: 'Formal', at: '2026-03-01T10:00:01Z', engine: 'offline' }],
      at: '2026-03-01T10:00:00Z',
    })
  ).id;
  lead.plumber = (
    await insertLead(id, {
      name: 'Sam Smith',
      email: 'sam@pipes.example',
      message: 'We need a plumber for a leak under the sink',
      urgency: 'Medium',
      intent: 'Service inquiry',
      currentTag: 'VIP',
      at: '2026-03-05T12:00:00Z',
    })
  ).id;
  lead.archived = (
    await insertLead(id, { name: 'Archie', urgency: 'Low', archived: true, at: '2026-03-10T00:00:00Z' })
  ).id;
  lead.deleted = (await insertLead(id, { name: 'Dee', urgency: 'High', deleted: true, at: '2026-03-12T00:00:00Z' })).id;
  lead.test = (await insertLead(id, { name: 'Test Lead', isTest: true, at: '2026-03-15T00:00:00Z' })).id;
  // Seven leads created in the same microsecond: pages must still split them exactly once.
  for (let n = 1; n <= 7; n++) await insertLead(id, { name: `Same ${n}`, at: SAME_INSTANT });
  await database.access.service((tx) =>
    tx.insert(sentEmails).values({
      clientId: id,
      leadId: lead.roof,
      kind: 'reply',
      sendKey: `reply-${lead.roof}`,
      status: 'sent',
      toEmail: 'jean@toits-tremblay.ca',
      subject: 'Votre demande de soumission',
      textBody: 'Bonjour Jean, merci!',
      htmlBody: '<p>Bonjour Jean, merci!</p>',
      messageId: `<${randomUUID()}@avenir.local>`,
      sentAt: new Date('2026-03-01T10:01:00Z'),
    }),
  );
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

describe('GET /api/app/leads lists the inbox', () => {
  it('shows active, real leads newest first, unread, with counts by status and urgency', async () => {
    const page = await list();
    expect(names(page).slice(-2)).toEqual(['Sam Smith', 'Jean Tremblay']);
    expect(page.leads).toHaveLength(9);
    expect(page.nextCursor).toBeNull();
    expect(page.leads.every((item) => item.unread && !item.isTest)).toBe(true);
    // Tab counts ignore the tab shown; urgency counts are those of the tab shown (the High
    // deleted lead and the Low archived one are not among the active leads).
    expect(page.counts).toEqual({
      active: 9,
      archived: 1,
      spam: 0,
      deleted: 1,
      byUrgency: { High: 1, Medium: 1, Low: 0 },
    });
    const roof = page.leads.find((item) => item.id === lead.roof)!;
    expect(roof).toMatchObject({
      intent: { key: 'quote_request', en: 'Quote request', fr: 'Demande de soumission' },
      urgency: 'High',
      tone: 'Formal',
      confidence: 0.9,
      language: 'fr',
      aiSummary: 'Réparer le toit du chalet',
      createdAt: '2026-03-01T10:00:00.000Z',
      isSpam: false,
    });
  });

  it('keeps what the bot checks caught, and spam and vendor pitches, in their own tab, saying why', async () => {
    const client = await signedInClient(database, worker);
    const call = async (query: string) =>
      (await (await client.call('GET', `/api/app/leads${query}`)).json()) as PageJson & {
        leads: (LeadJson & { isSpam: boolean; inSpam: boolean; spamReason: string | null })[];
      };
    await insertLead(client.client.id, { name: 'Bot', isSpam: true, spamReason: 'too_fast' });
    await insertLead(client.client.id, { name: 'Pitch', intent: 'Vendor pitch' });
    await insertLead(client.client.id, { name: 'Junk', intent: 'Spam' });
    await insertLead(client.client.id, { name: 'Real', intent: 'Quote request', urgency: 'High' });
    const active = await call('');
    expect(names(active)).toEqual(['Real']);
    expect(active.counts).toMatchObject({ active: 1, spam: 3 });
    const spam = await call('?status=spam');
    expect(names(spam).sort()).toEqual(['Bot', 'Junk', 'Pitch']);
    expect(spam.leads.find((item) => item.name === 'Bot')).toMatchObject({
      isSpam: true,
      inSpam: true,
      spamReason: 'too_fast',
    });
  });

  it('moves a lead out of the spam tab and back in one click each, with the timeline saying so', async () => {
    const client = await signedInClient(database, worker);
    const pitch = await insertLead(client.client.id, { name: 'Pitch', intent: 'Vendor pitch' });
    const act = (action: string) =>
      client.call('POST', '/api/app/leads/actions', { body: { ids: [pitch.id], action } });
    const tab = async (status: string) =>
      names((await (await client.call('GET', `/api/app/leads?status=${status}`)).json()) as PageJson);
    expect((await act('not_spam')).status).toBe(200);
    expect(await tab('active')).toEqual(['Pitch']);
    expect(await tab('spam')).toEqual([]);
    expect((await act('spam')).status).toBe(200);
    expect(await tab('spam')).toEqual(['Pitch']);
    const actions = await rows<{ action_type: string }>(
      sql`select action_type from lead_actions where lead_id = ${pitch.id} order by timestamp, id`,
    );
    expect(actions.map((row) => row.action_type)).toEqual(['marked_not_spam', 'marked_spam']);
  });

  it('triages a bot-caught lead the client clears, and does not thank it a week late', async () => {
    const client = await signedInClient(database, worker);
    const caught = await insertLead(client.client.id, {
      name: 'Vraie personne',
      message: 'Bonjour, une soumission pour refaire notre toiture, svp.',
      language: 'fr',
      isSpam: true,
      spamReason: 'too_fast',
      at: new Date(Date.now() - 9 * 86_400_000).toISOString(),
    });
    const cleared = await client.call('POST', '/api/app/leads/actions', {
      body: { ids: [caught.id], action: 'not_spam' },
    });
    expect(cleared.status).toBe(200);
    const intentOf = async () =>
      (await rows<{ intent: string | null }>(sql`select intent from lead_memory where id = ${caught.id}`))[0]?.intent;
    await expect.poll(intentOf, { timeout: 20_000 }).toBe('Quote request');
    const replyOutcome = async () =>
      (
        await rows<{ result: { reply?: string } | null }>(
          sql`select result from queue_jobs where dedupe_key = ${`enrich_lead:${caught.id}`}`,
        )
      )[0]?.result?.reply;
    await expect.poll(replyOutcome, { timeout: 20_000 }).toBe('too_late');
  });

  it('shows a test client all its leads, which are all test leads, with their tags', async () => {
    const demo = await signedInClient(database, worker, { isTest: true });
    const kitchen = await insertLead(demo.client.id, { name: 'Démo', isTest: true, currentTag: 'Cuisine 2027' });
    await insertLead(owner.client.id, { name: 'Someone else', isTest: true, currentTag: 'Cuisine 2027' });
    const page = (await (await demo.call('GET', '/api/app/leads')).json()) as PageJson;
    expect(page.leads.map((item) => item.id)).toEqual([kitchen.id]);
    const tags = (await (await demo.call('GET', '/api/app/tags')).json()) as { tags: { tag: string; count: number }[] };
    expect(tags.tags).toContainEqual({ tag: 'Cuisine 2027', count: 1 });
    const csv = await (await demo.call('GET', '/api/app/leads/export.csv')).text();
    expect(csv).toContain(kitchen.id);
    // A real client's test leads stay behind the test filter.
    expect(names(await list())).not.toContain('Someone else');
  });

  it('undoes a delete exactly: a deleted archived lead goes back to the archive', async () => {
    const client = await signedInClient(database, worker);
    const archived = await insertLead(client.client.id, { name: 'Kept', archived: true });
    const act = (action: string) =>
      client.call('POST', '/api/app/leads/actions', { body: { ids: [archived.id], action } });
    expect((await act('delete')).status).toBe(200);
    expect((await act('restore')).status).toBe(200);
    const [row] = await rows<{ archived: boolean; deleted: boolean }>(
      sql`select archived, deleted from lead_memory where id = ${archived.id}`,
    );
    expect(row).toEqual({ archived: true, deleted: false });
  });

  it('filters by status, tag, urgency, intent, language, dates and test leads', async () => {
    expect(names(await list('?status=archived'))).toEqual(['Archie']);
    expect(names(await list('?status=deleted'))).toEqual(['Dee']);
    expect(names(await list('?tag=VIP'))).toEqual(['Sam Smith']);
    expect(names(await list('?urgency=High'))).toEqual(['Jean Tremblay']);
    expect(names(await list('?intent=quote_request'))).toEqual(['Jean Tremblay']);
    expect(names(await list('?language=fr'))).toEqual(['Jean Tremblay']);
    expect(names(await list('?from=2026-03-02&to=2026-03-05'))).toEqual(['Sam Smith']);
    expect(names(await list('?to=2026-03-01T10:00:00Z'))).toEqual(['Jean Tremblay']);
    expect(names(await list('?test=1'))).toContain('Test Lead');
    // The tabs count the High leads; each urgency counts what picking it would show.
    const high = await list('?urgency=High');
    expect(high.counts).toMatchObject({ active: 1, deleted: 1, byUrgency: { High: 1, Medium: 1, Low: 0 } });
    const deletedHigh = await list('?status=deleted&urgency=High');
    expect(deletedHigh.counts.byUrgency).toEqual({ High: 1, Medium: 0, Low: 0 });
  });

  it('searches in English and French, and emails by prefix', async () => {
    expect(names(await list('?q=toiture'))).toEqual(['Jean Tremblay']);
    expect(names(await list('?q=plumbing'))).toEqual(['Sam Smith']);
    expect(names(await list('?q=leaks'))).toEqual(['Sam Smith']);
    expect(names(await list('?q=chalets'))).toEqual(['Jean Tremblay']);
    expect(names(await list('?q=sam%40pip'))).toEqual(['Sam Smith']);
    expect(names(await list('?q=%25'))).toEqual([]); // a wildcard is a character, not "anything"
    expect(names(await list('?q=nothing-like-this'))).toEqual([]);
    // The last word is read as the start of a word, as people type it.
    expect(names(await list('?q=toit'))).toEqual(['Jean Tremblay']);
    expect(names(await list('?q=plomb'))).toEqual([]);
    expect(names(await list('?q=plumb'))).toEqual(['Sam Smith']);
  });

  it('pages through every row exactly once under each sort', async () => {
    for (const sort of ['newest', 'oldest', 'urgency']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: PageJson = await list(`?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.leads.length).toBeLessThanOrEqual(2);
        seen.push(...page.leads.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(9);
      expect(new Set(seen).size).toBe(9);
    }
    expect(names(await list('?sort=oldest&limit=1'))).toEqual(['Jean Tremblay']);
    expect(names(await list('?sort=urgency&limit=2'))).toEqual(['Jean Tremblay', 'Sam Smith']);
  });

  it('answers 422 to an invalid query, in the language asked', async () => {
    for (const query of ['?limit=0', '?limit=101', '?status=junk', '?intent=Quote', '?from=hier', '?cursor=abc']) {
      const response = await owner.call('GET', `/api/app/leads${query}`);
      expect(response.status, query).toBe(422);
      expect((await errorOf(response)).code).toBe('invalid_request');
    }
    const newest = await list('?limit=1');
    const mismatched = await owner.call('GET', `/api/app/leads?sort=oldest&cursor=${newest.nextCursor}`);
    expect(mismatched.status).toBe(422);
    // Dates and cursors must name real instants Postgres can store, in the list, the
    // activity log and the export alike: a 422, never a 500 or an export of only a header.
    for (const path of ['/api/app/leads', '/api/app/activity', '/api/app/leads/export.csv']) {
      for (const query of ['?from=0000-01-01', '?to=2026-02-31T00:00Z', '?to=9999-12-31T23:00:00-05:00']) {
        const response = await owner.call('GET', `${path}${query}`);
        expect(response.status, `${path}${query}`).toBe(422);
      }
      expect((await owner.call('GET', `${path}?to=9999-12-31`)).status, path).toBe(200);
    }
    const forged = Buffer.from(
      JSON.stringify({ sort: 'newest', at: '2026-02-31T10:00:00.000000Z', id: lead.roof }),
    ).toString('base64url');
    expect((await owner.call('GET', `/api/app/leads?cursor=${forged}`)).status).toBe(422);
    const french = await owner.call('GET', '/api/app/leads?limit=500', { headers: { 'Accept-Language': 'fr-CA' } });
    expect((await errorOf(french)).details?.fields?.limit).toEqual(['Utilisez une limite de 1 à 100.']);
  });
});

describe('GET /api/app/leads/:id shows one lead', () => {
  it('with its histories, notes, timeline and reply, and marks it read', async () => {
    const response = await owner.call('GET', `/api/app/leads/${lead.roof}`);
    expect(response.status).toBe(200);
    const detail = await json<Record<string, unknown>>(response);
    expect(detail).toMatchObject({
      id: lead.roof,
      message: "Réparation des toitures du chalet avant l'hiver",
      unread: false,
      history: { tone: [{ value: 'Formal', engine: 'offline' }], urgency: [], confidence: [] },
      notes: [],
      timeline: [],
      reply: { subject: 'Votre demande de soumission', text: 'Bonjour Jean, merci!', status: 'sent' },
    });
    const [stored] = await rows<{ opened_at: string | null }>(
      sql`select opened_at from lead_memory where id = ${lead.roof}`,
    );
    expect(stored!.opened_at).not.toBeNull();
    const again = await json<{ openedAt: string }>(await owner.call('GET', `/api/app/leads/${lead.roof}`));
    expect(new Date(again.openedAt).getTime()).toBe(new Date(stored!.opened_at!).getTime());
    expect((await list()).leads.find((item) => item.id === lead.roof)!.unread).toBe(false);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', "1'%20or%201=1"]) {
      const response = await owner.call('GET', `/api/app/leads/${id}`);
      expect(response.status, id).toBe(404);
      expect((await errorOf(response)).code).toBe('not_found');
    }
  });
});

const act = (body: unknown, who: SignedInClient = owner) => who.call('POST', '/api/app/leads/actions', { body });

const actionsOf = (leadId: string) =>
  rows<{
    action_type: string;
    tag: string | null;
    conversion_outcome: boolean | null;
    reversion_reason: string | null;
    performed_by: string;
    is_test: boolean;
  }>(
    sql`select action_type, tag, conversion_outcome, reversion_reason, performed_by, is_test from lead_actions
      where lead_id = ${leadId} order by timestamp, id`,
  );
const feedbackOf = (leadId: string) =>
  rows<{ outcome: string; impact_score: number; context_data: Record<string, unknown> }>(
    sql`select outcome, impact_score, context_data from feedback_tracking where lead_id = ${leadId} order by created_at`,
  );
const stateOf = async (leadId: string) =>
  (
    await rows<{ current_tag: string | null; archived: boolean; deleted: boolean }>(
      sql`select current_tag, archived, deleted from lead_memory where id = ${leadId}`,
    )
  )[0];

describe('POST /api/app/leads/actions', () => {
  it('converting a lead tags it and records positive feedback with the prediction', async () => {
    const response = await act({ ids: [lead.roof], action: 'tag', tag: 'Converted' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ updated: 1 });
    expect((await stateOf(lead.roof))!.current_tag).toBe('Converted');
    expect(await actionsOf(lead.roof)).toEqual([
      {
        action_type: 'tagged',
        tag: 'Converted',
        conversion_outcome: true,
        reversion_reason: null,
        performed_by: owner.client.email,
        is_test: false,
      },
    ]);
    const [feedback] = await feedbackOf(lead.roof);
    expect(feedback).toMatchObject({
      outcome: 'positive',
      impact_score: 50,
      context_data: { predictedIntent: 'Quote request', predictedUrgency: 'High' },
    });
  });

  it('taking a conversion back needs a reason: 422 without, and nothing changes', async () => {
    const response = await act({ ids: [lead.roof], action: 'tag', tag: 'Lost' }, owner);
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.details?.fields?.reversionReason).toEqual(['Say why this lead is no longer converted.']);
    const french = await owner.call('POST', '/api/app/leads/actions', {
      body: { ids: [lead.roof], action: 'tag', tag: 'Lost' },
      headers: { 'Accept-Language': 'fr' },
    });
    expect((await errorOf(french)).message).toBe("Indiquez pourquoi ce client potentiel n'est plus converti.");
    expect((await stateOf(lead.roof))!.current_tag).toBe('Converted');
    expect(await actionsOf(lead.roof)).toHaveLength(1);
    expect(await feedbackOf(lead.roof)).toHaveLength(1);
  });

  it('with a reason, records it and negative feedback', async () => {
    const response = await act({ ids: [lead.roof], action: 'tag', tag: 'Lost', reversionReason: 'Cheque bounced' });
    expect(response.status).toBe(200);
    expect((await stateOf(lead.roof))!.current_tag).toBe('Lost');
    expect((await actionsOf(lead.roof)).at(-1)).toMatchObject({
      tag: 'Lost',
      conversion_outcome: false,
      reversion_reason: 'Cheque bounced',
    });
    expect((await feedbackOf(lead.roof)).at(-1)).toMatchObject({ outcome: 'negative', impact_score: -50 });
  });

  it('archives, deletes softly and reactivates', async () => {
    const target = (await insertLead(owner.client.id, { name: 'Lifecycle' })).id;
    expect((await act({ ids: [target], action: 'archive' })).status).toBe(200);
    expect(await stateOf(target)).toMatchObject({ archived: true, deleted: false });
    expect((await act({ ids: [target], action: 'delete' })).status).toBe(200);
    expect(await stateOf(target)).toMatchObject({ archived: true, deleted: true });
    expect(names(await list('?status=deleted'))).toContain('Lifecycle');
    expect((await act({ ids: [target], action: 'reactivate' })).status).toBe(200);
    expect(await stateOf(target)).toMatchObject({ archived: false, deleted: false });
    expect((await actionsOf(target)).map((row) => row.action_type)).toEqual(['archived', 'deleted', 'reactivated']);
  });

  it('applies to a whole selection, one action row per lead', async () => {
    const ids = [];
    for (let n = 0; n < 3; n++)
      ids.push((await insertLead(owner.client.id, { name: `Bulk ${n}`, isTest: n === 0 })).id);
    const response = await act({ ids, action: 'tag', tag: 'Hot' });
    expect(await response.json()).toEqual({ updated: 3 });
    const logged = await rows<{ n: number }>(
      sql`select count(*)::int as n from lead_actions where lead_id in ${ids} and action_type = 'tagged' and tag = 'Hot'`,
    );
    expect(logged[0]!.n).toBe(3);
    expect((await actionsOf(ids[0]!))[0]!.is_test).toBe(true);
  });

  it('answers 422 to invalid bodies', async () => {
    for (const body of [
      {},
      { ids: [], action: 'archive' },
      { ids: ['nope'], action: 'archive' },
      { ids: [lead.plumber], action: 'explode' },
      { ids: [lead.plumber], action: 'tag' },
      { ids: [lead.plumber], action: 'tag', tag: 'x'.repeat(41) },
      { ids: Array.from({ length: 201 }, () => randomUUID()), action: 'archive' },
    ]) {
      const response = await act(body);
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
    // Unparseable JSON is refused before validation, as on every /api/app route.
    expect((await act('not json')).status).toBe(400);
  });
});

const noteRows = (leadId: string) =>
  rows<{ id: string; note: string; performed_by: string }>(
    sql`select id, note, performed_by from lead_notes where lead_id = ${leadId}`,
  );

describe('notes on a lead', () => {
  it('are written, edited and removed, each change in the timeline', async () => {
    const created = await owner.call('POST', `/api/app/leads/${lead.plumber}/notes`, {
      body: { note: ' Rappeler lundi ' },
    });
    expect(created.status).toBe(201);
    const { note } = await json<{ note: { id: string; note: string; performedBy: string } }>(created);
    expect(note).toMatchObject({ note: 'Rappeler lundi', performedBy: owner.client.email });

    const edited = await owner.call('PATCH', `/api/app/leads/${lead.plumber}/notes/${note.id}`, {
      body: { note: 'Rappeler mardi' },
    });
    expect(edited.status).toBe(200);
    expect((await noteRows(lead.plumber))[0]!.note).toBe('Rappeler mardi');

    const detail = await json<{ notes: { note: string }[] }>(await owner.call('GET', `/api/app/leads/${lead.plumber}`));
    expect(detail.notes.map((n) => n.note)).toEqual(['Rappeler mardi']);

    const removed = await owner.call('DELETE', `/api/app/leads/${lead.plumber}/notes/${note.id}`);
    expect(removed.status).toBe(204);
    expect(await noteRows(lead.plumber)).toEqual([]);

    const noted = await rows<{ metadata: { noteId: string; change: string }; performed_by: string }>(
      sql`select metadata, performed_by from lead_actions where lead_id = ${lead.plumber} and action_type = 'noted' order by timestamp`,
    );
    expect(noted.map((row) => row.metadata.change)).toEqual(['created', 'edited', 'deleted']);
    expect(noted.every((row) => row.metadata.noteId === note.id && row.performed_by === owner.client.email)).toBe(true);
  });

  it('answer 422 to an empty or too long note, and 404 to an unknown one', async () => {
    for (const body of [{ note: '   ' }, { note: 'x'.repeat(10_001) }, {}]) {
      expect((await owner.call('POST', `/api/app/leads/${lead.plumber}/notes`, { body })).status).toBe(422);
    }
    const unknown = await owner.call('PATCH', `/api/app/leads/${lead.plumber}/notes/${randomUUID()}`, {
      body: { note: 'x' },
    });
    expect(unknown.status).toBe(404);
    expect((await owner.call('DELETE', `/api/app/leads/${lead.plumber}/notes/not-a-uuid`)).status).toBe(404);
  });
});

describe('GET /api/app/activity', () => {
  it('lists the actions newest first with the lead name, filtered and paged', async () => {
    const all = await json<{ activity: { action: string; leadName: string; at: string }[] }>(
      await owner.call('GET', '/api/app/activity?limit=100'),
    );
    const times = all.activity.map((row) => row.at);
    expect([...times].sort().reverse()).toEqual(times);
    const noted = await json<{ activity: { action: string; leadName: string }[]; nextCursor: string | null }>(
      await owner.call('GET', '/api/app/activity?action=noted&limit=2'),
    );
    expect(noted.activity.map((row) => row.action)).toEqual(['noted', 'noted']);
    expect(noted.activity[0]!.leadName).toBe('Sam Smith');
    const rest = await json<{ activity: unknown[]; nextCursor: string | null }>(
      await owner.call('GET', `/api/app/activity?action=noted&limit=2&cursor=${noted.nextCursor}`),
    );
    expect(rest.activity).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect((await owner.call('GET', '/api/app/activity?action=bogus')).status).toBe(422);
  });
});

describe('isolation between clients', () => {
  it('answers 404 to every endpoint probed with another client’s ids, and changes nothing', async () => {
    const fresh = (await insertLead(owner.client.id, { name: 'Private', currentTag: 'Converted' })).id;
    const noteResponse = await owner.call('POST', `/api/app/leads/${fresh}/notes`, { body: { note: 'secret' } });
    const noteId = (await json<{ note: { id: string } }>(noteResponse)).note.id;
    const before = await rows(sql`select * from lead_memory where id = ${fresh}`);
    const actionsBefore = await actionsOf(fresh);

    const probes: [string, string, unknown?][] = [
      ['GET', `/api/app/leads/${fresh}`],
      ['POST', '/api/app/leads/actions', { ids: [fresh], action: 'archive' }],
      ['POST', '/api/app/leads/actions', { ids: [fresh], action: 'delete' }],
      ['POST', '/api/app/leads/actions', { ids: [fresh], action: 'tag', tag: 'Lost', reversionReason: 'x' }],
      ['POST', `/api/app/leads/${fresh}/notes`, { note: 'intrusion' }],
      ['PATCH', `/api/app/leads/${fresh}/notes/${noteId}`, { note: 'intrusion' }],
      ['DELETE', `/api/app/leads/${fresh}/notes/${noteId}`],
    ];
    for (const [method, path, body] of probes) {
      const response = await other.call(method, path, body === undefined ? {} : { body });
      expect(response.status, `${method} ${path}`).toBe(404);
      const text = await response.text();
      expect(text).not.toContain(fresh);
    }
    // A selection mixing one's own lead with another's fails whole.
    const own = (await insertLead(other.client.id, { name: 'Theirs' })).id;
    expect((await act({ ids: [own, fresh], action: 'archive' }, other)).status).toBe(404);
    expect(await stateOf(own)).toMatchObject({ archived: false });
    // The other client's own note endpoints cannot reach the note through its own lead either.
    expect((await other.call('DELETE', `/api/app/leads/${own}/notes/${noteId}`)).status).toBe(404);

    expect(await rows(sql`select * from lead_memory where id = ${fresh}`)).toEqual(before);
    expect(await actionsOf(fresh)).toEqual(actionsBefore);
    expect(await noteRows(fresh)).toEqual([expect.objectContaining({ id: noteId, note: 'secret' })]);
    expect(await feedbackOf(fresh)).toEqual([]);

    const theirList = await json<PageJson>(await other.call('GET', '/api/app/leads?test=1&status=active'));
    expect(names(theirList)).toEqual(['Theirs']);
    expect(theirList.counts).toMatchObject({ archived: 0, deleted: 0 });
    const theirActivity = await json<{ activity: { leadName: string }[] }>(
      await other.call('GET', '/api/app/activity'),
    );
    expect(theirActivity.activity).toEqual([]);
    const theirTags = await json<{ tags: { tag: string }[] }>(await other.call('GET', '/api/app/tags'));
    expect(theirTags.tags.map((t) => t.tag)).not.toContain('VIP');
  });
});

describe('GET /api/app/tags', () => {
  it('lists the built-in tags first, then the client’s own by use, counting live real leads only', async () => {
    const client = await signedInClient(database, worker);
    const id = client.client.id;
    for (const tag of ['Plumbing', 'Plumbing', 'Roofing']) await insertLead(id, { currentTag: tag });
    await insertLead(id, { currentTag: 'Converted' });
    await insertLead(id, { currentTag: 'Gone', deleted: true });
    await insertLead(id, { currentTag: 'Roofing', isTest: true });
    const response = await client.call('GET', '/api/app/tags');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      tags: [
        { tag: 'Hot Lead', count: 0 },
        { tag: 'Converted', count: 1 },
        { tag: 'Plumbing', count: 2 },
        { tag: 'Roofing', count: 1 },
      ],
    });
  });
});

describe('the session wall', () => {
  it('answers 401 without a session', async () => {
    for (const [method, path] of [
      ['GET', '/api/app/leads'],
      ['GET', `/api/app/leads/${lead.plumber}`],
      ['GET', '/api/app/activity'],
      ['GET', '/api/app/tags'],
    ] as const) {
      const response = await dashboardCall(worker, method, path);
      expect(response.status).toBe(401);
    }
    expect(
      (
        await dashboardCall(worker, 'POST', '/api/app/leads/actions', {
          body: { ids: [lead.plumber], action: 'archive' },
        })
      ).status,
    ).toBe(401);
  });

  it('answers 403 to a mutation from a foreign origin, and changes nothing', async () => {
    const response = await owner.call('POST', '/api/app/leads/actions', {
      body: { ids: [lead.plumber], action: 'delete' },
      origin: FOREIGN_ORIGIN,
    });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('csrf');
    expect(await stateOf(lead.plumber)).toMatchObject({ deleted: false });
    const note = await owner.call('POST', `/api/app/leads/${lead.plumber}/notes`, {
      body: { note: 'x' },
      origin: FOREIGN_ORIGIN,
    });
    expect(note.status).toBe(403);
  });
});
