import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import { startWorker } from '../../../scripts/lib/worker';
import { createClient, parseNewClient } from '../../../worker/features/accounts/clients';
import type { EnrichLeadMessage } from '../../../worker/features/enrichment';
import { triageOffline } from '../../../worker/features/triage/offline';
import { composeReply } from '../../../worker/features/triage/reply/compose';
import type { Triage } from '../../../worker/platform/ai/triage';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { waitFor } from '../../support/wait';

/**
 * The enrichment pipeline in workerd: from POST /api/lead through the queue to an enriched
 * lead and its reply, and the same under chaos — an AI that fails and hangs, a queue that
 * delivers messages twice.
 */
const SITE = 'https://renovations-cote.example';
let database: TestDatabase;

beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

async function newClient(email: string): Promise<Client> {
  const { client } = await createClient(
    database.access,
    parseNewClient({
      businessName: 'Rénovations Côté',
      email,
      language: 'fr',
      emailTone: 'Friendly',
      bookingLink: 'https://cal.example/cote',
      allowedOrigins: [SITE],
    }),
  );
  return client;
}

async function postLead(worker: Miniflare, client: Client, fields: { name: string; email: string; message: string }) {
  const response = await worker.dispatchFetch('http://localhost/api/lead', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain', Origin: SITE, 'CF-Connecting-IP': '203.0.113.20' },
    body: JSON.stringify({ key: client.apiKey, ...fields, idempotencyKey: randomUUID(), elapsedMs: 9_000 }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const unlimited = { simple: { limit: 1_000_000, period: 60 as const } };

describe('the queue consumer and the dev outbox', () => {
  let worker: Miniflare;
  let client: Client;

  beforeAll(async () => {
    client = await newClient('proprio@renovations-cote.example');
    worker = await startWorker(
      { DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy, DEV_OUTBOX: 'on' },
      { ratelimits: { IP_RATE_LIMIT: unlimited, KEY_RATE_LIMIT: unlimited } },
    );
  });
  afterAll(async () => {
    await worker?.dispose();
  });

  it('enriches a lead posted to the API and replies in its language, within seconds', async () => {
    const id = await postLead(worker, client, {
      name: 'Julie Tremblay',
      email: 'julie@example.ca',
      message: 'Bonjour! Combien pour refaire une salle de bain complète à Longueuil? Idéalement en janvier.',
    });
    await waitFor(
      async () => (await rows(sql`select 1 from sent_emails where lead_id = ${id} and status = 'sent'`)).length === 2,
      30_000,
      'the reply and the notification',
    );
    const [lead] = await rows(sql`select intent, language, enrichment_engine from lead_memory where id = ${id}`);
    expect(lead).toEqual({ intent: 'Quote request', language: 'fr', enrichment_engine: 'offline' });
    const [reply] = await rows<{ subject: string; text_body: string }>(
      sql`select subject, text_body from sent_emails where lead_id = ${id} and kind = 'reply'`,
    );
    expect(reply!.text_body).toMatch(/^Bonjour Julie/); // her language, the client's Friendly tone
    expect(reply!.text_body).toContain('soumission');

    const list = await worker.dispatchFetch('http://localhost/dev/outbox');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await list.text();
    const link = /href="\/dev\/outbox\/([0-9a-f-]{36})">([^<]*Rénovations Côté[^<]*)</.exec(page);
    expect(link, page).not.toBeNull();
    const message = await (await worker.dispatchFetch(`http://localhost/dev/outbox/${link![1]}`)).text();
    expect(message).toContain('julie@example.ca');
    expect(message).toContain('https://cal.example/cote');
    expect(message).toContain('sandbox'); // the HTML part cannot run script
  });

  it('queues again, from the cron sweep, a lead whose message never came', async () => {
    const [lead] = await rows<{ id: string }>(sql`insert into lead_memory (client_id, name, email, message, language,
        created_at) values (${client.id}, 'Kevin O''Brien', 'kevin@example.com',
        'Hi, do you also do basement waterproofing? No rush.', 'en', now() - interval '10 minutes') returning id`);
    const result = await (await worker.getWorker()).scheduled({ cron: '*/5 * * * *', scheduledTime: new Date() });
    expect(result.outcome).toBe('ok');
    await waitFor(
      async () =>
        (await rows(sql`select 1 from lead_memory where id = ${lead!.id} and enriched_at is not null`)).length === 1,
      30_000,
      'the swept lead to be enriched',
    );
  });

  it('records a dead-lettered job as failed, and acknowledges it', async () => {
    const leadId = randomUUID();
    const result = await (await worker.getWorker()).queue('avenir-jobs-dlq', [
      {
        id: 'dead-1',
        timestamp: new Date(),
        attempts: 1,
        body: { type: 'enrich_lead', leadId, clientId: client.id } satisfies EnrichLeadMessage,
      },
    ]);
    expect(result.outcome).toBe('ok');
    expect(result.explicitAcks).toEqual(['dead-1']);
    const [job] = await rows(sql`select status, error from queue_jobs where dedupe_key = ${`enrich_lead:${leadId}`}`);
    expect(job).toMatchObject({ status: 'failed', error: expect.stringContaining('dead-lettered') });
  });
});

/** mulberry32: a seeded generator, so the chaos is the same from run to run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * An OpenAI-compatible server that fails 30% of calls with a 500 and never answers 10%;
 * the rest get a real answer (the offline engine's, so the results make sense).
 */
async function startChaoticOpenAi(random: () => number) {
  const stats = { calls: 0, failed: 0, hung: 0, answered: 0 };
  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    request.on('end', () => {
      stats.calls++;
      const roll = random();
      if (roll < 0.3) {
        stats.failed++;
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'The server had an error', type: 'server_error' } }));
        return;
      }
      if (roll < 0.4) {
        stats.hung++;
        return; // never answers; the adapter's timeout must act
      }
      stats.answered++;
      const body = JSON.parse(raw) as {
        messages: { role: string; content: string }[];
        response_format?: { json_schema: { name: string } };
      };
      const user = body.messages.find((message) => message.role === 'user')!.content;
      let content: string;
      if (body.response_format?.json_schema.name === 'lead_triage') {
        const input = JSON.parse(user) as { name: string; message: string; businessName: string };
        // The model answers the triage schema only: the offline engine's second summary is its own.
        const { summaries: _, ...answer } = triageOffline({
          name: input.name,
          message: input.message,
          businessName: input.businessName,
        });
        content = JSON.stringify(answer);
      } else if (body.response_format?.json_schema.name === 'lead_reply') {
        const input = JSON.parse(user) as {
          lead: { name: string; message: string };
          triage: Pick<Triage, 'language' | 'intent' | 'urgency' | 'summary'>;
          business: { name: string; tone: 'Friendly'; bookingLink: string | null };
        };
        content = JSON.stringify(
          composeReply({
            lead: input.lead,
            triage: { ...input.triage, tone: 'Professional', confidence: 0.8 },
            business: input.business,
          }),
        );
      } else {
        content = `(traduction) ${user}`;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: `chatcmpl-${stats.calls}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: 'gpt-4o-mini-2024-07-18',
          choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 420, completion_tokens: 130, total_tokens: 550 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    stats,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const MESSAGES = [
  'Bonjour, j’aurais besoin d’une soumission pour refaire la toiture de mon bungalow à Laval. Avant l’hiver idéalement.',
  'Water is coming through the kitchen ceiling right now, can someone come today?',
  'Allo, avez-vous de la disponibilité pour une visite la semaine prochaine? Pas pressé.',
  'Hi, what would it cost to finish a 700 sq ft basement in Brossard?',
  'Je suis très déçue : les travaux devaient finir hier et personne ne me rappelle.',
  'Do you install heat pumps? We are in Gatineau.',
  'Bonjour, je vous écris pour poser ma candidature comme apprenti menuisier. Mon CV est joint.',
  'We help contractors get 3x more leads with our SEO packages. Can I send you a proposal?',
  'Merci pour le beau travail sur notre patio, on est vraiment contents!',
  'I was charged twice for the deposit on invoice 4471, can you check?',
];

describe('chaos: a failing AI and a queue that delivers twice', () => {
  let worker: Miniflare;
  let client: Client;
  let openai: Awaited<ReturnType<typeof startChaoticOpenAi>>;

  beforeAll(async () => {
    client = await newClient('chaos@renovations-cote.example');
    openai = await startChaoticOpenAi(seeded(2026));
    // No consumer: the test is the queue, so it decides what is delivered twice.
    worker = await startWorker(
      {
        DATABASE_URL: database.databaseUrl,
        DATABASE_WS_PROXY: database.wsProxy,
        OPENAI_API_KEY: 'sk-test-chaos',
        OPENAI_BASE_URL: openai.baseUrl,
        OPENAI_TIMEOUT_MS: '1000',
      },
      { ratelimits: { IP_RATE_LIMIT: unlimited, KEY_RATE_LIMIT: unlimited }, queueConsumers: false },
    );
  });
  afterAll(async () => {
    await worker?.dispose();
    await openai?.close();
  });

  it('enriches all 200 leads and sends each real one exactly one reply', { timeout: 300_000 }, async () => {
    const random = seeded(7);
    const leads: { id: string; email: string }[] = [];
    for (let i = 0; i < 200; i++) {
      const email = `lead-${i}@chaos.example`;
      leads.push({
        email,
        id: await postLead(worker, client, { name: `Client ${i}`, email, message: MESSAGES[i % 10]! }),
      });
    }

    // Every lead's message once, and 20% of them twice: half in the same batch (delivered
    // side by side), half a few batches later.
    type Delivery = { id: string; timestamp: Date; attempts: number; body: EnrichLeadMessage };
    const message = (lead: { id: string }, n: number): Delivery => ({
      id: `${lead.id}-${n}`,
      timestamp: new Date(),
      attempts: 1,
      body: { type: 'enrich_lead', leadId: lead.id, clientId: client.id },
    });
    let pending: Delivery[] = [];
    const later: Delivery[] = [];
    for (const lead of leads) {
      pending.push(message(lead, 1));
      const roll = random();
      if (roll < 0.1) pending.push(message(lead, 2));
      else if (roll < 0.2) later.push(message(lead, 2));
    }
    pending.splice(60, 0, ...later);
    const redelivered = pending.length - leads.length;

    const fetcher = await worker.getWorker();
    let deliveries = 0;
    for (let round = 0; pending.length > 0 && round < 10; round++) {
      const batches: Delivery[][] = [];
      for (let i = 0; i < pending.length; i += 10) batches.push(pending.slice(i, i + 10));
      const retried: Delivery[] = [];
      // Four consumers at once, as the platform runs them.
      for (let i = 0; i < batches.length; i += 4) {
        await Promise.all(
          batches.slice(i, i + 4).map(async (batch) => {
            deliveries += batch.length;
            const result = await fetcher.queue('avenir-jobs', batch);
            const again = new Set(result.retryMessages.map((retry) => retry.msgId));
            for (const delivery of batch) {
              if (again.has(delivery.id)) retried.push({ ...delivery, attempts: delivery.attempts + 1 });
            }
          }),
        );
      }
      pending = retried;
    }
    expect(pending).toEqual([]);

    type Totals = Record<
      | 'leads'
      | 'enriched'
      | 'by_openai'
      | 'by_offline'
      | 'one_reply'
      | 'one_mail'
      | 'one_replied_action'
      | 'one_prediction',
      number
    >;
    // The vendor pitch (one message in ten) goes to the Spam folder: no reply, no mail.
    const [totals] = await rows<Totals & { pitches_answered: number }>(sql`select
      count(*)::int as leads,
      count(*) filter (where m.intent = 'Vendor pitch' and exists (select 1 from dev_outbox o
        where o.to_address like '%<' || m.email || '>'))::int as pitches_answered,
      count(*) filter (where m.enriched_at is not null)::int as enriched,
      count(*) filter (where m.enrichment_engine = 'openai')::int as by_openai,
      count(*) filter (where m.enrichment_engine = 'offline')::int as by_offline,
      count(*) filter (where (select count(*) from sent_emails s where s.lead_id = m.id and s.kind = 'reply'
        and s.status = 'sent') = 1)::int as one_reply,
      count(*) filter (where (select count(*) from dev_outbox o where o.to_address like '%<' || m.email || '>') = 1)::int
        as one_mail,
      count(*) filter (where (select count(*) from lead_actions a where a.lead_id = m.id
        and a.action_type = 'replied') = 1)::int as one_replied_action,
      count(*) filter (where (select count(*) from feedback_tracking f where f.lead_id = m.id) = 1)::int
        as one_prediction
      from lead_memory m where m.client_id = ${client.id}`);
    console.log(
      `chaos: ${leads.length} leads, ${redelivered} redelivered, ${deliveries} deliveries; AI calls ${openai.stats.calls}` +
        ` (${openai.stats.failed} failed, ${openai.stats.hung} hung); enriched by openai ${totals!.by_openai},` +
        ` by the offline fallback ${totals!.by_offline}`,
    );
    expect(redelivered).toBeGreaterThanOrEqual(30);
    expect(openai.stats.failed).toBeGreaterThan(0);
    expect(openai.stats.hung).toBeGreaterThan(0);
    expect(totals).toMatchObject({
      leads: 200,
      enriched: 200,
      one_reply: 180,
      one_mail: 180,
      one_replied_action: 180,
      one_prediction: 200,
      pitches_answered: 0,
    });
    expect(totals!.by_openai + totals!.by_offline).toBe(200);
    expect(totals!.by_openai).toBeGreaterThan(100);
  });
});
