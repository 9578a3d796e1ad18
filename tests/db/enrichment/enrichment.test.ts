import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadMemory } from '../../../schema';
import { type EnrichmentDeps, enrichLead } from '../../../worker/features/enrichment';
import { findOwedEnrichments } from '../../../worker/features/enrichment/sweep';
import { offlineAi } from '../../../worker/features/triage/offline-engine';
import { type AiEngine, AiError } from '../../../worker/platform/ai/port';
import { createOutboxMailer } from '../../../worker/platform/mail/outbox';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';

/**
 * The enrichment job against a real Postgres engine, with the offline engine and the dev
 * outbox: what a lead, the client and the learning tables end up holding.
 */
let database: TestDatabase;
let clientId: string;
let clientEmail: string;

beforeAll(async () => {
  database = await startTestDatabase();
  const client = await insertClient(database.access, {
    businessName: 'Plomberie Tremblay',
    language: 'fr',
    emailTone: 'Friendly',
    bookingLink: 'https://cal.example/tremblay',
  });
  clientId = client.id;
  clientEmail = client.email;
});
afterAll(async () => {
  await database?.close();
});

const deps = (overrides: Partial<EnrichmentDeps> = {}): EnrichmentDeps => ({
  db: database.access,
  ai: offlineAi,
  mailer: createOutboxMailer(database.access),
  sender: { email: 'replies@avenir.local' },
  appUrl: 'https://app.avenir.example',
  ...overrides,
});

let counter = 0;
async function newLead(fields: Partial<typeof leadMemory.$inferInsert> = {}, owner = clientId) {
  counter++;
  const [lead] = await database.access.service((tx) =>
    tx
      .insert(leadMemory)
      .values({
        clientId: owner,
        name: 'Martin Gagnon',
        email: `martin-${counter}@example.ca`,
        message:
          "Bonjour, j'aurais besoin d'une soumission pour refaire la toiture de mon bungalow à Laval, environ 1200 pi2. Idéalement avant l'hiver.",
        language: 'fr',
        ...fields,
      })
      .returning(),
  );
  return lead!;
}

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

const outboxTo = (email: string) =>
  rows<{ subject: string; text_body: string; html_body: string; reply_to: string | null; raw_mime: string }>(
    sql`select subject, text_body, html_body, reply_to, raw_mime from dev_outbox where to_address like ${`%<${email}>`}`,
  );

describe('enriching a lead', () => {
  it('fills the AI fields, logs the prediction, replies to the lead and notifies the client', async () => {
    const lead = await newLead();
    const outcome = await enrichLead(deps(), { leadId: lead.id, clientId });
    expect(outcome).toMatchObject({
      status: 'completed',
      result: { engine: 'offline', language: 'fr', reply: 'sent' },
    });

    const [stored] = await rows<
      Record<string, unknown>
    >(sql`select intent, urgency, tone, confidence_score::float8 as c,
      ai_summary, ai_summary_fr, ai_summary_en, enrichment_engine, enriched_at is not null as enriched,
      jsonb_array_length(tone_history) as tones, jsonb_array_length(urgency_history) as urgencies,
      jsonb_array_length(confidence_history) as confidences, metadata->>'formLanguage' as form_language
      from lead_memory where id = ${lead.id}`);
    expect(stored).toMatchObject({
      intent: 'Quote request',
      enrichment_engine: 'offline',
      enriched: true,
      tones: 1,
      urgencies: 1,
      confidences: 1,
      form_language: 'fr',
    });
    expect(stored!.ai_summary_fr).toBe(stored!.ai_summary);
    // The offline engine cannot translate, so it writes the English summary itself, the lead's words as they are.
    expect(stored!.ai_summary_en).toMatch(/^Martin is asking for a quote \(written in French\): “j'aurais besoin/);
    expect(String(stored!.ai_summary)).toMatch(/toiture/i);
    expect(['Medium', 'Low', 'High']).toContain(stored!.urgency);
    expect(stored!.c).toBeGreaterThan(0);

    const feedback = await rows(sql`select action_type, outcome, context_data->'prediction'->>'intent' as intent
      from feedback_tracking where lead_id = ${lead.id}`);
    expect(feedback).toEqual([{ action_type: 'system_performance', outcome: 'neutral', intent: 'quote_request' }]);
    const metrics = await rows<{ event_type: string; metric_name: string }>(sql`select event_type, metric_name
      from performance_metrics where client_id = ${clientId} and metadata->>'engine' = 'offline'`);
    expect(metrics).toContainEqual({ event_type: 'ai_analysis', metric_name: 'response_time' });

    const [reply] = await outboxTo(lead.email);
    expect(reply!.subject).toContain('Plomberie Tremblay');
    expect(reply!.text_body).toContain('https://cal.example/tremblay');
    expect(reply!.reply_to).toBe(`Plomberie Tremblay <${clientEmail}>`);
    expect(reply!.raw_mime).toMatch(/^Content-Type: multipart\/alternative/m);
    const [notice] = await outboxTo(clientEmail);
    expect(notice!.subject).toContain('Martin Gagnon');
    expect(notice!.text_body).toContain(`https://app.avenir.example/app/leads/${lead.id}`);

    const actions = await rows(
      sql`select action_type from lead_actions where lead_id = ${lead.id} order by action_type`,
    );
    expect(actions).toEqual([{ action_type: 'notified' }, { action_type: 'replied' }]);
    const [job] = await rows(sql`select status, result->>'intent' as intent, attempts from queue_jobs
      where dedupe_key = ${`enrich_lead:${lead.id}`}`);
    expect(job).toEqual({ status: 'completed', intent: 'quote_request', attempts: 1 });
  });

  it('does nothing twice when the message is delivered again, even at the same time', async () => {
    const lead = await newLead();
    const [first, second] = await Promise.all([
      enrichLead(deps(), { leadId: lead.id, clientId }),
      enrichLead(deps(), { leadId: lead.id, clientId }),
    ]);
    expect([first.status, second.status].sort()).toEqual(['busy', 'completed']);
    expect((await enrichLead(deps(), { leadId: lead.id, clientId })).status).toBe('already_completed');
    expect(await outboxTo(lead.email)).toHaveLength(1);
    const [counts] = await rows(sql`select
      (select count(*)::int from feedback_tracking where lead_id = ${lead.id}) as feedback,
      (select count(*)::int from sent_emails where lead_id = ${lead.id}) as emails,
      (select count(*)::int from lead_actions where lead_id = ${lead.id} and action_type = 'replied') as replied`);
    expect(counts).toEqual({ feedback: 1, emails: 2, replied: 1 });
  });

  it('resumes after a failed step without logging the prediction again or sending twice', async () => {
    const lead = await newLead();
    let failNext = true;
    const outbox = createOutboxMailer(database.access);
    const flaky = deps({
      mailer: {
        provider: 'outbox',
        async send(mail) {
          // The reply goes out; the notification fails once.
          if (mail.idempotencyKey.startsWith('notification') && failNext) {
            failNext = false;
            throw new Error('connection reset');
          }
          return outbox.send(mail);
        },
      },
    });
    await expect(enrichLead(flaky, { leadId: lead.id, clientId })).rejects.toThrow('connection reset');
    const [failed] = await rows(
      sql`select status, error from queue_jobs where dedupe_key = ${`enrich_lead:${lead.id}`}`,
    );
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringContaining('connection reset') });

    expect((await enrichLead(flaky, { leadId: lead.id, clientId })).status).toBe('completed');
    expect(await outboxTo(lead.email)).toHaveLength(1);
    expect(await outboxTo(clientEmail).then((all) => all.filter((m) => m.text_body.includes(lead.id)))).toHaveLength(1);
    const [feedback] = await rows(sql`select count(*)::int as n from feedback_tracking where lead_id = ${lead.id}`);
    expect(feedback).toEqual({ n: 1 });
  });

  it('falls back to the offline engine when the AI fails, and records the failure', async () => {
    const lead = await newLead();
    const failing: AiEngine = {
      name: 'openai',
      triage: async () => {
        throw new AiError('the model timed out', 'timeout', true);
      },
      writeReply: async () => {
        throw new AiError('rate limited', 'rate_limited', true);
      },
      translate: async () => {
        throw new AiError('server error', 'server', true);
      },
    };
    const outcome = await enrichLead(deps({ ai: failing }), { leadId: lead.id, clientId });
    expect(outcome).toMatchObject({ status: 'completed', result: { engine: 'offline', reply: 'sent' } });
    const executions = await rows<{ error_occurred: boolean; error_message: string; variant: string }>(sql`
      select p.error_occurred, p.error_message, r.variant_id as variant from prompt_performance p
      join prompt_registry r on r.id = p.prompt_registry_id
      where p.input_data->>'message' = ${lead.message} or p.input_data->'lead'->>'message' = ${lead.message}
      order by r.variant_id`);
    expect(executions).toEqual([
      { error_occurred: true, error_message: 'rate_limited: rate limited', variant: 'reply.fr.v1' },
      { error_occurred: true, error_message: 'timeout: the model timed out', variant: 'triage.fr.v1' },
    ]);
    const errors = await rows(sql`select event_type from performance_metrics
      where client_id = ${clientId} and metric_name = 'error_rate' and metadata->>'kind' in ('timeout', 'rate_limited', 'server')
      order by event_type`);
    // The offline engine that took over wrote the summary in both languages: no translation was asked for.
    expect(errors).toEqual([{ event_type: 'ai_analysis' }, { event_type: 'email_response' }]);
    const [summaries] = await rows<{ en: string | null; fr: string | null }>(
      sql`select ai_summary_en as en, ai_summary_fr as fr from lead_memory where id = ${lead.id}`,
    );
    expect(summaries?.en).toMatch(/\(written in French\)/);
    expect(summaries?.fr).toMatch(/^Martin demande une soumission/);
  });

  it('notifies the client but does not reply when the AI reply is switched off', async () => {
    const quiet = await insertClient(database.access, { aiPersonalizedReply: false, language: 'en' });
    const lead = await newLead(
      { message: 'Hi, do you install heat pumps? We are in Gatineau.', language: 'en' },
      quiet.id,
    );
    const outcome = await enrichLead(deps(), { leadId: lead.id, clientId: quiet.id });
    expect(outcome).toMatchObject({ result: { reply: 'disabled', notification: 'sent' } });
    expect(await outboxTo(lead.email)).toEqual([]);
    const [notice] = await outboxTo(quiet.email);
    expect(notice!.text_body).toContain('No automatic reply was sent');
  });

  it('neither enriches nor answers a lead caught as spam', async () => {
    const lead = await newLead({ isSpam: true, spamReason: 'honeypot' });
    expect(await enrichLead(deps(), { leadId: lead.id, clientId })).toMatchObject({ result: { skipped: 'spam' } });
    const [stored] = await rows(sql`select enriched_at from lead_memory where id = ${lead.id}`);
    expect(stored).toEqual({ enriched_at: null });
    expect(await outboxTo(lead.email)).toEqual([]);
  });

  it('records what changed when a lead is enriched again, and only that', async () => {
    const lead = await newLead({ message: 'Hi, what are your rates for a water heater replacement?', language: 'en' });
    await enrichLead(deps(), { leadId: lead.id, clientId });
    await enrichLead(deps(), { leadId: lead.id, clientId, reenrichId: 'same-message' });
    const [same] = await rows(
      sql`select jsonb_array_length(tone_history) as tones from lead_memory where id = ${lead.id}`,
    );
    expect(same).toEqual({ tones: 1 });

    await database.access.service((tx) =>
      tx.execute(sql`update lead_memory set message = 'HELP!!! Water is pouring through the ceiling RIGHT NOW, come today!'
        where id = ${lead.id}`),
    );
    await enrichLead(deps(), { leadId: lead.id, clientId, reenrichId: 'after-edit' });
    const [changed] = await rows<{ urgencies: { value: string; engine: string }[] }>(
      sql`select urgency_history as urgencies from lead_memory where id = ${lead.id}`,
    );
    expect(changed!.urgencies.map((entry) => entry.value)).toEqual([expect.any(String), 'High']);
    expect(changed!.urgencies[1]!.engine).toBe('offline');
    expect(await outboxTo(lead.email)).toHaveLength(1); // replies are never sent twice
  });
});

describe('the enrichment sweep', () => {
  it('finds leads whose queue message never came, and leaves new, spam and handled leads alone', async () => {
    const missed = await newLead();
    const fresh = await newLead();
    const spam = await newLead({ isSpam: true });
    const handled = await newLead();
    await database.access.service((tx) =>
      tx.execute(sql`update lead_memory set created_at = now() - interval '10 minutes'
        where id in (${missed.id}, ${spam.id}, ${handled.id})`),
    );
    await enrichLead(deps(), { leadId: handled.id, clientId });
    const owed = (await findOwedEnrichments(database.access)).map((message) => message.leadId);
    expect(owed).toContain(missed.id);
    expect(owed).not.toContain(fresh.id);
    expect(owed).not.toContain(spam.id);
    expect(owed).not.toContain(handled.id);
  });

  it('takes back a job whose worker died mid-way', async () => {
    const lead = await newLead();
    await database.access.service((tx) =>
      tx.execute(sql`insert into queue_jobs (job_type, status, payload, dedupe_key, attempts, started_at, lease_expires_at)
        values ('enrich_lead', 'processing', ${JSON.stringify({ leadId: lead.id, clientId })}::jsonb,
          ${`enrich_lead:${lead.id}`}, 1, now() - interval '10 minutes', now() - interval '5 minutes')`),
    );
    expect((await findOwedEnrichments(database.access)).map((message) => message.leadId)).toContain(lead.id);
    expect((await enrichLead(deps(), { leadId: lead.id, clientId })).status).toBe('completed');
    const [job] = await rows(
      sql`select status, attempts from queue_jobs where dedupe_key = ${`enrich_lead:${lead.id}`}`,
    );
    expect(job).toEqual({ status: 'completed', attempts: 2 });
  });
});

describe('the intake’s response time', () => {
  it('is logged with the triage when the message carries it, once whatever the deliveries', async () => {
    const lead = await newLead();
    await enrichLead(deps(), { leadId: lead.id, clientId, intakeMs: 42.4 });
    await enrichLead(deps(), { leadId: lead.id, clientId, intakeMs: 42.4 });
    const logged = await rows<{ response_time_ms: number; event_type: string }>(
      sql`select response_time_ms, event_type from performance_metrics
        where source_component = 'lead_api' and client_id = ${clientId}`,
    );
    expect(logged).toEqual([{ response_time_ms: 42, event_type: 'api_response' }]);
  });
});
